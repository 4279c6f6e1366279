package org.iomworkbench.core.load;

import org.iomworkbench.core.workspace.RowInserter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Inserts accepted rows on a second thread while the loader parses and checks the next ones,
 * so that both cores work. Rows arrive in batches through a short queue; a failure on the
 * writer's side is rethrown to the loader at its next call.
 */
final class BatchWriter implements AutoCloseable {
    private static final List<Object[]> END = new ArrayList<>();

    private final Connection connection;
    private final String sql;
    private final int batchSize;
    private final BlockingQueue<List<Object[]>> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private volatile Exception failure;
    private volatile boolean aborted;
    volatile long busyNanos;
    private List<Object[]> current;
    private boolean finished;

    BatchWriter(Connection connection, String sql, int batchSize) {
        this.connection = connection;
        this.sql = sql;
        this.batchSize = batchSize;
        this.current = new ArrayList<>(batchSize);
        this.thread = new Thread(this::run, "load-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues one row: its values in the table's column order. */
    void add(Object[] row) throws SQLException {
        current.add(row);
        if (current.size() == batchSize) {
            put(current);
            current = new ArrayList<>(batchSize);
        }
    }

    /** Writes what is queued and waits until it is committed. */
    void finish() throws SQLException {
        if (!current.isEmpty()) {
            put(current);
            current = new ArrayList<>();
        }
        put(END);
        finished = true;
        join();
        rethrow();
    }

    private void put(List<Object[]> batch) throws SQLException {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while loading", e);
        }
        rethrow();
    }

    private void rethrow() throws SQLException {
        Exception f = failure;
        if (f instanceof SQLException se) {
            throw se;
        }
        if (f != null) {
            throw new SQLException(f.getMessage(), f);
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rows per INSERT statement: H2 spends less per row on one statement with many rows. */
    private static final int ROWS_PER_STATEMENT = RowInserter.ROWS;

    private void run() {
        try (PreparedStatement single = connection.prepareStatement(sql);
             PreparedStatement multi = connection.prepareStatement(RowInserter.multiRowSql(sql, ROWS_PER_STATEMENT))) {
            while (true) {
                List<Object[]> batch = queue.take();
                if (batch == END || aborted) {
                    break;
                }
                long t0 = System.nanoTime();
                int i = 0;
                int n = batch.size();
                for (; i + ROWS_PER_STATEMENT <= n; i += ROWS_PER_STATEMENT) {
                    int p = 1;
                    for (int r = i; r < i + ROWS_PER_STATEMENT; r++) {
                        for (Object v : batch.get(r)) {
                            RowInserter.bind(multi, p++, v);
                        }
                    }
                    multi.addBatch();
                }
                multi.executeBatch();
                for (; i < n; i++) {
                    Object[] row = batch.get(i);
                    for (int k = 0; k < row.length; k++) {
                        RowInserter.bind(single, k + 1, row[k]);
                    }
                    single.addBatch();
                }
                single.executeBatch();
                connection.commit();
                busyNanos += System.nanoTime() - t0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
        }
    }

    /**
     * Stops the writer when the load ended early (a failure or Cancel). It is asked to stop
     * rather than interrupted: an interrupt during file I/O would close H2's file channel.
     */
    @Override
    public void close() {
        if (!finished) {
            aborted = true;
            queue.clear();
            queue.offer(END);
            join();
        }
    }
}

package org.iomworkbench.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/** Sends the log to the open workspace's {@code logs/workbench.log} as well as the user's own log. */
public final class LogSetup {
    private static final String APPENDER = "workspace";

    private LogSetup() {
    }

    public static synchronized void attachWorkspace(Path logsDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var old = root.getAppender(APPENDER);
        if (old != null) {
            root.detachAppender(old);
            old.stop();
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> file = new FileAppender<>();
        file.setContext(ctx);
        file.setName(APPENDER);
        file.setFile(logsDir.resolve("workbench.log").toString());
        file.setEncoder(encoder);
        file.start();
        root.addAppender(file);
    }
}

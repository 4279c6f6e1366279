package org.iomworkbench.core.audit;

/**
 * The result of checking the audit chain.
 *
 * @param intact      whether every link holds
 * @param entries     how many entries were checked
 * @param brokenSeq   the first entry that fails, or -1 when intact
 * @param problem     what is wrong with it, in plain words, or empty
 */
public record AuditVerification(boolean intact, long entries, long brokenSeq, String problem) {

    public String describe() {
        return intact
                ? "audit trail intact: " + entries + " entries, every link verified"
                : "audit trail BROKEN at entry " + brokenSeq + ": " + problem;
    }
}

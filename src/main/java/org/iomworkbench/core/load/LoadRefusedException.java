package org.iomworkbench.core.load;

import org.iomworkbench.core.util.WorkbenchException;

/** The extract folder cannot be loaded at all; nothing in the workspace was changed. */
public final class LoadRefusedException extends WorkbenchException {
    private final Rejection problem;

    public LoadRefusedException(Rejection problem, String advice) {
        super("Load refused: " + problem.describe(), advice, true);
        this.problem = problem;
    }

    public Rejection problem() {
        return problem;
    }
}

package org.iomworkbench.ui.common;

/** Something scheduled that can still be called off. */
@FunctionalInterface
public interface Cancellable {
    void cancel();
}

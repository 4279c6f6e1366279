package org.iomworkbench.ui.common;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.iomworkbench.core.workspace.Workspace;

/**
 * The open workspace, shared by the views. {@link #revision()} moves on whenever a view changes
 * what the workspace holds (a load, a disposal), so other views know to read it again. Used on
 * the UI thread only; the workspace itself is only ever used off it.
 */
public final class WorkspaceSession {
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    /** The open workspace, or null while none is open. */
    public Workspace workspace() {
        return workspace.get();
    }

    public void open(Workspace ws) {
        workspace.set(ws);
    }

    public ReadOnlyLongProperty revision() {
        return revision.getReadOnlyProperty();
    }

    /** Tells the other views that the workspace's content changed. */
    public void changed() {
        revision.set(revision.get() + 1);
    }
}

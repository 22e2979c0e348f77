package org.deskphone.provision;

/** A request that brought no file: why, in a status and a sentence naming the URL (without password). */
public final class FetchFailure extends Exception {
    private final FetchStatus status;

    public FetchFailure(FetchStatus status, String message) {
        super(message);
        this.status = status;
    }

    public FetchFailure(FetchStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public FetchStatus status() {
        return status;
    }
}

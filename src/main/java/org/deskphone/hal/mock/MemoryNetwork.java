package org.deskphone.hal.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.deskphone.hal.Network;
import org.deskphone.hal.NetworkPlan;
import org.deskphone.hal.NetworkStatus;

/**
 * A network set by software, for tests: {@link #set} reports a status as a driver would, and every plan
 * applied is kept. Applying the plan it already runs is {@link Applied#UNCHANGED}, like a board's driver;
 * {@link #refuseNextApply} makes the next apply fail as a system that rejects its configuration would.
 */
public final class MemoryNetwork implements Network {
    private static final Consumer<NetworkStatus> CLOSED = status -> { };
    private volatile Consumer<NetworkStatus> listener = CLOSED;
    private volatile NetworkStatus status;
    private final List<NetworkPlan> applied = new ArrayList<>();
    private String refusal;

    /** A port that is up with one IPv4 address (192.0.2.7/24, a documentation address): a usable network. */
    public static MemoryNetwork connected() {
        try {
            return new MemoryNetwork(new NetworkStatus("eth0", true,
                    List.of(new NetworkStatus.Address(java.net.InetAddress.getByName("192.0.2.7"), 24)), List.of(), List.of(),
                    java.util.OptionalInt.empty(), org.deskphone.hal.DhcpLease.NONE, java.util.Optional.empty()));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public MemoryNetwork(NetworkStatus initial) {
        this.status = initial;
    }

    @Override
    public void open(Consumer<NetworkStatus> newListener) {
        listener = newListener;
        newListener.accept(status);
    }

    @Override
    public NetworkStatus status() {
        return status;
    }

    /** Reports {@code newStatus}, from the caller's thread. */
    public void set(NetworkStatus newStatus) {
        status = newStatus;
        listener.accept(newStatus);
    }

    @Override
    public synchronized Applied apply(NetworkPlan plan) throws java.io.IOException {
        if (refusal != null) {
            String why = refusal;
            refusal = null;
            throw new java.io.IOException(why);
        }
        if (!applied.isEmpty() && applied.get(applied.size() - 1).equals(plan)) {
            return Applied.UNCHANGED;
        }
        applied.add(plan);
        return Applied.APPLIED;
    }

    /** Every plan applied, oldest first. */
    public synchronized List<NetworkPlan> applied() {
        return List.copyOf(applied);
    }

    public synchronized void refuseNextApply(String why) {
        refusal = why;
    }

    @Override
    public void close() {
        listener = CLOSED;
    }
}

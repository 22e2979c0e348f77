package org.deskphone.provision;

/**
 * Whether a call is up, asked on the phone loop. Provisioning and the restart after it wait while it is:
 * "the auto provisioning process will detect the call status every 30 seconds. If the call is released
 * within 2 hours, the auto provisioning process will be performed normally. Otherwise, the process will be
 * completed, due to timeout" (Yealink L1461-1467). The call feature provides the real one.
 */
@FunctionalInterface
public interface CallGuard {
    CallGuard NO_CALLS = () -> false;

    boolean callActive();
}

/**
 * What the phone asks of the Linux it runs on, through the optional native library
 * {@code libdeskphone-rt.so} (built from {@code native/}): real-time priority for the media thread
 * ({@link org.deskphone.hal.linux.RealTime}), memory locking, the CPU governor, and systemd's readiness
 * and watchdog notifications ({@link org.deskphone.hal.linux.Systemd}). Without the library every call
 * answers with an {@link org.deskphone.hal.linux.Outcome} that says so, and the phone runs on at normal
 * priority; the log says once, at start, whether the library was found.
 */
package org.deskphone.hal.linux;

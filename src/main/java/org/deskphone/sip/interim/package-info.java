/**
 * A stop-gap media path until the media engine ({@code org.deskphone.media}) is wired: plain G.711
 * (PCMU, PCMA) over RTP, RFC 4733 telephone-events and in-band DTMF tones, no SRTP, no jitter-buffer
 * science. It implements {@link org.deskphone.sip.CallMedia} so that the {@code call} command and the
 * interop tests exercise the real SIP seam. Delete this package when the media engine's adapter takes
 * its place; nothing outside {@code org.deskphone.app} refers to it.
 */
package org.deskphone.sip.interim;

/*
 * srtp_peer: libsrtp2 as the SRTP peer of deskphone's tests and benchmarks.
 *
 *   srtp_peer protect|unprotect|protect-rtcp|unprotect-rtcp SUITE KEY_SALT_HEX
 *       reads packets from stdin, each as a 2-byte big-endian length and the bytes, and writes the
 *       transformed packets to stdout the same way (length 0xFFFF and no bytes when libsrtp refuses one).
 *   srtp_peer bench SUITE KEY_SALT_HEX PACKETS
 *       protects then unprotects PACKETS 172-byte RTP packets (12-byte header + 160 bytes of payload) in
 *       batches of 1000, and prints "protect_ns_per_packet X" and "unprotect_ns_per_packet Y".
 *
 * SUITE is an SDES name such as AES_CM_128_HMAC_SHA1_80. Built by the tests and by tools/bench/media with
 *   gcc -O2 -o srtp_peer srtp_peer.c -lsrtp2
 */
#include <srtp2/srtp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int set_policy(srtp_policy_t *policy, const char *suite) {
    if (strcmp(suite, "AES_CM_128_HMAC_SHA1_80") == 0) {
        srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&policy->rtp);
        srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&policy->rtcp);
    } else if (strcmp(suite, "AES_CM_128_HMAC_SHA1_32") == 0) {
        srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32(&policy->rtp);
        srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&policy->rtcp);
    } else if (strcmp(suite, "AES_256_CM_HMAC_SHA1_80") == 0) {
        srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(&policy->rtp);
        srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(&policy->rtcp);
    } else if (strcmp(suite, "AES_256_CM_HMAC_SHA1_32") == 0) {
        srtp_crypto_policy_set_aes_cm_256_hmac_sha1_32(&policy->rtp);
        srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(&policy->rtcp);
    } else {
        return -1;
    }
    return 0;
}

static int read_packet(unsigned char *buf, int *len) {
    unsigned char hdr[2];
    if (fread(hdr, 1, 2, stdin) != 2) return 0;
    *len = hdr[0] << 8 | hdr[1];
    if (*len > 1500 || fread(buf, 1, *len, stdin) != (size_t)*len) return -1;
    return 1;
}

static void write_packet(const unsigned char *buf, int len) {
    unsigned char hdr[2] = {(unsigned char)(len >> 8), (unsigned char)len};
    fwrite(hdr, 1, 2, stdout);
    if (len != 0xFFFF) fwrite(buf, 1, len, stdout);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int bench(srtp_policy_t *policy, long packets) {
    srtp_t tx, rx;
    policy->ssrc.value = 0x11223344;
    policy->ssrc.type = ssrc_specific;
    if (srtp_create(&tx, policy) || srtp_create(&rx, policy)) return 2;
    enum { PKT = 172, SLOT = 200, BATCH = 1000 };
    unsigned char *ring = malloc(BATCH * SLOT), tmpl[PKT];
    memset(tmpl, 0, sizeof tmpl);
    tmpl[0] = 0x80;
    tmpl[8] = 0x11; tmpl[9] = 0x22; tmpl[10] = 0x33; tmpl[11] = 0x44;
    for (int i = 0; i < 160; i++) tmpl[12 + i] = (unsigned char)(0xD5 ^ (i * 13));
    uint16_t seq = 1; uint32_t ts = 0; double tp = 0, tu = 0; long fails = 0, done;
    long warm = packets / 5;
    for (done = 0; done < warm + packets; done += BATCH) {
        if (done == warm) tp = tu = 0;
        double t0 = now();
        for (int k = 0; k < BATCH; k++) {
            unsigned char *p = ring + k * SLOT;
            memcpy(p, tmpl, PKT);
            p[2] = seq >> 8; p[3] = seq; p[4] = ts >> 24; p[5] = ts >> 16; p[6] = ts >> 8; p[7] = ts;
            seq++; ts += 160;
            int len = PKT;
            if (srtp_protect(tx, p, &len) != srtp_err_status_ok) fails++;
        }
        double t1 = now();
        for (int k = 0; k < BATCH; k++) {
            int len = PKT + (int)policy->rtp.auth_tag_len;
            if (srtp_unprotect(rx, ring + k * SLOT, &len) != srtp_err_status_ok) fails++;
        }
        double t2 = now();
        tp += t1 - t0; tu += t2 - t1;
    }
    printf("libsrtp %s\n", srtp_get_version_string());
    printf("protect_ns_per_packet %.1f\nunprotect_ns_per_packet %.1f\nfailures %ld\n", tp / packets * 1e9, tu / packets * 1e9, fails);
    return fails ? 3 : 0;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: srtp_peer protect|unprotect|protect-rtcp|unprotect-rtcp|bench SUITE KEY_SALT_HEX [PACKETS]\n");
        return 1;
    }
    const char *mode = argv[1];
    unsigned char key[46];
    size_t hexlen = strlen(argv[3]);
    if (hexlen % 2 || hexlen / 2 > sizeof key) { fprintf(stderr, "bad key\n"); return 1; }
    for (size_t i = 0; i < hexlen / 2; i++) sscanf(argv[3] + 2 * i, "%2hhx", &key[i]);
    if (srtp_init() != srtp_err_status_ok) { fprintf(stderr, "srtp_init failed\n"); return 1; }
    srtp_policy_t policy;
    memset(&policy, 0, sizeof policy);
    if (set_policy(&policy, argv[2])) { fprintf(stderr, "unknown suite %s\n", argv[2]); return 1; }
    policy.key = key;
    policy.window_size = 128;
    policy.allow_repeat_tx = 0;
    if (strcmp(mode, "bench") == 0) return bench(&policy, argc > 4 ? atol(argv[4]) : 1000000);
    int inbound = strncmp(mode, "unprotect", 9) == 0;
    int rtcp = strstr(mode, "rtcp") != NULL;
    policy.ssrc.type = inbound ? ssrc_any_inbound : ssrc_any_outbound;
    srtp_t session;
    if (srtp_create(&session, &policy) != srtp_err_status_ok) { fprintf(stderr, "srtp_create failed\n"); return 1; }
    unsigned char buf[1600];
    int len, r;
    while ((r = read_packet(buf, &len)) == 1) {
        srtp_err_status_t status;
        if (rtcp) status = inbound ? srtp_unprotect_rtcp(session, buf, &len) : srtp_protect_rtcp(session, buf, &len);
        else status = inbound ? srtp_unprotect(session, buf, &len) : srtp_protect(session, buf, &len);
        write_packet(buf, status == srtp_err_status_ok ? len : 0xFFFF);
    }
    fflush(stdout);
    srtp_dealloc(session);
    srtp_shutdown();
    return r < 0 ? 1 : 0;
}

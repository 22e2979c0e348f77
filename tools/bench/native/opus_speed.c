/*
 * opus_speed: libopus encode speed, the anchor harness of ../shared/reference/perf-anchors.md (codec/opusbench.c):
 * a mono 16-bit raw file, OPUS_APPLICATION_VOIP, 24 kbit/s, 20 ms frames, given complexity; x-realtime = audio
 * seconds / thread CPU seconds, per pass; prints a RESULT line with the median.
 *   opus_speed FILE.raw RATE WARMUP PASSES [COMPLEXITY]
 * Built by tools/bench/media with: gcc -O2 -o opus_speed opus_speed.c -lopus
 */
#include <opus/opus.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double cpu(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: opus_speed FILE.raw RATE WARMUP PASSES [COMPLEXITY]\n");
        return 1;
    }
    int rate = atoi(argv[2]), warm = atoi(argv[3]), reps = atoi(argv[4]);
    int complexity = argc > 5 ? atoi(argv[5]) : 10;
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    long ns = n / 2;
    short *pcm = malloc(ns * 2);
    if (fread(pcm, 2, ns, f) != (size_t)ns) return 1;
    fclose(f);
    int frame = rate / 50;
    long frames = ns / frame;
    double audio = (double)frames * frame / rate;
    unsigned char out[1500];
    double *x = malloc(sizeof(double) * (reps > 0 ? reps : 1));
    for (int r = -warm; r < reps; r++) {
        int err;
        OpusEncoder *e = opus_encoder_create(rate, 1, OPUS_APPLICATION_VOIP, &err);
        opus_encoder_ctl(e, OPUS_SET_BITRATE(24000));
        opus_encoder_ctl(e, OPUS_SET_COMPLEXITY(complexity));
        long bytes = 0;
        double c0 = cpu();
        for (long i = 0; i < frames; i++) bytes += opus_encode(e, pcm + i * frame, frame, out, sizeof out);
        double c1 = cpu();
        printf("%s %d: cpu %.3f s x-realtime %.1f avg %.1f kbit/s\n", r < 0 ? "warm-up" : "measured", r, c1 - c0,
               audio / (c1 - c0), bytes * 8 / audio / 1000);
        if (r >= 0) x[r] = audio / (c1 - c0);
        opus_encoder_destroy(e);
    }
    qsort(x, reps, sizeof(double), by_value);
    printf("RESULT libopus %s rate=%d x-realtime median %.1f (min %.1f max %.1f)\n", opus_get_version_string(), rate,
           x[reps / 2], x[0], x[reps - 1]);
    return 0;
}

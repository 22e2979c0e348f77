/*
 * libdeskphone-rt: what the phone asks of Linux that Java cannot do itself. Loaded through JNI by
 * org.deskphone.hal.linux.NativeHelpers when present; the phone runs without it, at normal priority.
 *
 *   - real-time scheduling (SCHED_FIFO) for the calling thread: the media thread, so that a busy CPU
 *     does not make it miss its 20 ms frame;
 *   - memory locking (mlockall), so that the media path never waits for a page to come back from swap
 *     or from the SD card;
 *   - the CPU frequency governor, so that the CPU does not clock down between frames;
 *   - sd_notify, the systemd readiness and watchdog datagram, which needs an AF_UNIX datagram socket
 *     (Java 17 has only stream sockets for AF_UNIX).
 *
 * Every call returns 0 or a positive errno value (or a count, where said); nothing here logs or exits.
 * Built by native/build for x86_64 and, with Debian's aarch64 cross compiler, for the Pi.
 */
#define _GNU_SOURCE
#include <jni.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/* Raised whenever a function's meaning changes; the Java side refuses a library of another ABI. */
#define DESKPHONE_RT_ABI 1

#if defined(__aarch64__)
#define MACHINE "aarch64"
#elif defined(__x86_64__)
#define MACHINE "x86_64"
#elif defined(__arm__)
#define MACHINE "arm"
#else
#define MACHINE "unknown"
#endif

#define JNI(name) JNIEXPORT jint JNICALL Java_org_deskphone_hal_linux_NativeHelpers_##name

JNI(abi)(JNIEnv *env, jclass type) {
    (void) env;
    (void) type;
    return DESKPHONE_RT_ABI;
}

JNIEXPORT jstring JNICALL Java_org_deskphone_hal_linux_NativeHelpers_machine(JNIEnv *env, jclass type) {
    (void) type;
    return (*env)->NewStringUTF(env, MACHINE);
}

JNIEXPORT jstring JNICALL Java_org_deskphone_hal_linux_NativeHelpers_errorText(JNIEnv *env, jclass type, jint error) {
    char text[128];
    (void) type;
    /* GNU strerror_r may return a static string instead of filling the buffer. */
    const char *message = strerror_r(error, text, sizeof text);
    return (*env)->NewStringUTF(env, message);
}

JNI(setFifo)(JNIEnv *env, jclass type, jint priority) {
    struct sched_param param;
    (void) env;
    (void) type;
    memset(&param, 0, sizeof param);
    param.sched_priority = priority;
    return pthread_setschedparam(pthread_self(), SCHED_FIFO, &param);
}

JNI(setOther)(JNIEnv *env, jclass type) {
    struct sched_param param;
    (void) env;
    (void) type;
    memset(&param, 0, sizeof param);
    return pthread_setschedparam(pthread_self(), SCHED_OTHER, &param);
}

/* The calling thread's policy and priority as policy * 1000 + priority, or -errno. */
JNI(scheduling)(JNIEnv *env, jclass type) {
    struct sched_param param;
    int policy;
    int error;
    (void) env;
    (void) type;
    error = pthread_getschedparam(pthread_self(), &policy, &param);
    return error ? -error : policy * 1000 + param.sched_priority;
}

JNI(rtprioLimit)(JNIEnv *env, jclass type) {
    struct rlimit limit;
    (void) env;
    (void) type;
    if (getrlimit(RLIMIT_RTPRIO, &limit) != 0) {
        return -errno;
    }
    return limit.rlim_cur == RLIM_INFINITY ? 99 : (jint) limit.rlim_cur;
}

/*
 * Locks the process's memory. With MCL_ONFAULT (Linux 4.4+) pages are locked as they are first
 * touched, so the JVM's large reserved-but-unused heap is not forced into RAM.
 */
JNI(lockMemory)(JNIEnv *env, jclass type) {
    (void) env;
    (void) type;
#ifdef MCL_ONFAULT
    if (mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) == 0) {
        return 0;
    }
    if (errno != EINVAL) {
        return errno;
    }
#endif
    return mlockall(MCL_CURRENT | MCL_FUTURE) == 0 ? 0 : errno;
}

JNI(unlockMemory)(JNIEnv *env, jclass type) {
    (void) env;
    (void) type;
    return munlockall() == 0 ? 0 : errno;
}

/*
 * Writes the governor to <cpuRoot>/cpuN/cpufreq/scaling_governor for every CPU that has one. Returns
 * how many took it, or -errno of the last failure when none did (-ENOENT: no cpufreq at all).
 */
JNI(setGovernor)(JNIEnv *env, jclass type, jstring cpuRoot, jstring governor) {
    const char *root = (*env)->GetStringUTFChars(env, cpuRoot, NULL);
    const char *name = (*env)->GetStringUTFChars(env, governor, NULL);
    int set = 0;
    int error = ENOENT;
    DIR *cpus;
    (void) type;
    if (root == NULL || name == NULL) {
        error = ENOMEM;
        goto done;
    }
    cpus = opendir(root);
    if (cpus == NULL) {
        error = errno;
        goto done;
    }
    for (struct dirent *entry; (entry = readdir(cpus)) != NULL;) {
        char path[4096];
        const char *n = entry->d_name;
        size_t length = strlen(name);
        int fd;
        if (strncmp(n, "cpu", 3) != 0 || n[3] < '0' || n[3] > '9') {
            continue;
        }
        if (snprintf(path, sizeof path, "%s/%s/cpufreq/scaling_governor", root, n) >= (int) sizeof path) {
            error = ENAMETOOLONG;
            continue;
        }
        fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd < 0) {
            error = errno;
            continue;
        }
        if (write(fd, name, length) == (ssize_t) length) {
            set++;
        } else {
            error = errno;
        }
        close(fd);
    }
    closedir(cpus);
done:
    if (root != NULL) {
        (*env)->ReleaseStringUTFChars(env, cpuRoot, root);
    }
    if (name != NULL) {
        (*env)->ReleaseStringUTFChars(env, governor, name);
    }
    return set > 0 ? set : -error;
}

/*
 * Sends one sd_notify datagram ("READY=1", "WATCHDOG=1", ...) to the socket systemd named in
 * NOTIFY_SOCKET; a leading '@' names an abstract socket.
 */
JNI(notify)(JNIEnv *env, jclass type, jstring socketPath, jstring state) {
    const char *path = (*env)->GetStringUTFChars(env, socketPath, NULL);
    const char *message = (*env)->GetStringUTFChars(env, state, NULL);
    struct sockaddr_un address;
    socklen_t length;
    size_t pathLength;
    int fd;
    int error = 0;
    (void) type;
    if (path == NULL || message == NULL) {
        error = ENOMEM;
        goto done;
    }
    pathLength = strlen(path);
    if (pathLength == 0 || pathLength >= sizeof address.sun_path) {
        error = EINVAL;
        goto done;
    }
    memset(&address, 0, sizeof address);
    address.sun_family = AF_UNIX;
    memcpy(address.sun_path, path, pathLength);
    if (path[0] == '@') {
        address.sun_path[0] = '\0';
    }
    length = (socklen_t) (offsetof(struct sockaddr_un, sun_path) + pathLength);
    fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = errno;
        goto done;
    }
    if (sendto(fd, message, strlen(message), MSG_NOSIGNAL, (struct sockaddr *) &address, length) < 0) {
        error = errno;
    }
    close(fd);
done:
    if (path != NULL) {
        (*env)->ReleaseStringUTFChars(env, socketPath, path);
    }
    if (message != NULL) {
        (*env)->ReleaseStringUTFChars(env, state, message);
    }
    return error;
}

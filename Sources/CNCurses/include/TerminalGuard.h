// The process-wide part of running a full-screen terminal: signal handlers, the self-pipe that
// wakes the input loop, the terminal settings to put back after a crash, and the exit hook.
// It lives in one C file because signal handlers may only touch lock-free atomics and
// async-signal-safe calls, and because `static` state in a header would be copied into every
// Swift object file that used it.
#ifndef CNCURSES_TERMINAL_GUARD_H
#define CNCURSES_TERMINAL_GUARD_H

#include <stddef.h>

/// Claims the guard for the terminal on `terminal_fd`: saves its settings (when it is a
/// terminal), opens the self-pipe, unblocks SIGINT, SIGTERM, SIGHUP and SIGWINCH for the calling
/// thread and installs the handlers. Call before ncurses starts, so that ncurses sees handlers
/// already in place and does not install its own for those signals.
/// Returns 0, or -1 with errno set (EBUSY: another terminal is already active).
int cn_guard_start(int terminal_fd);

/// Puts every signal disposition back as it was before `cn_guard_start` (including SIGTSTP,
/// which ncurses takes over), closes the self-pipe and releases the guard.
void cn_guard_stop(void);

/// Bytes written to the terminal after a crash, before the settings are restored: the
/// terminfo strings that leave the alternate screen, reset attributes and show the cursor.
/// Longer sequences are cut to the guard's buffer (256 bytes).
void cn_guard_set_reset_sequence(const char *bytes, size_t length);

/// Hands over standard error's redirection to a capture file, for the guard to undo at the
/// end or after a crash: `target_fd` (2) now writes to `capture_fd`, and `original_fd` is a
/// copy of what it wrote to before. The guard owns both descriptors from here on.
void cn_guard_set_error_capture(int target_fd, int original_fd, int capture_fd);

/// Puts `target_fd` back, copies what was captured to it, and closes the capture file and the
/// copy (async-signal-safe; runs at most once per capture; `cn_guard_stop` runs it too).
void cn_guard_release_error_capture(void);

/// The read end of the self-pipe: readable once a relayed signal arrived.
int cn_guard_wakeup_fd(void);
/// Empties the self-pipe (the flags below say which signals arrived).
void cn_guard_drain_wakeups(void);
/// 1 when SIGINT, SIGTERM or SIGHUP arrived since the last call.
int cn_guard_take_interrupt(void);
/// 1 when SIGWINCH arrived since the last call.
int cn_guard_take_resize(void);

/// Puts back the terminal settings saved by `cn_guard_start` (async-signal-safe).
void cn_guard_restore_settings(void);

/// `hook(context)` runs once at normal process exit (atexit) unless cleared with NULL first.
void cn_guard_set_exit_hook(void (*hook)(void *context), void *context);

#endif

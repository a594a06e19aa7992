// Signal handlers here only set lock-free atomic flags, write one byte to a non-blocking pipe,
// and, for fatal signals, call async-signal-safe functions (tcsetattr, write, read, lseek,
// dup2, sigaction, raise) on data prepared in advance. No locks, no allocation, no stdio.
#include "TerminalGuard.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// Signals that ask the program to stop: relayed to the input loop as an event.
static const int interrupt_signals[] = {SIGINT, SIGTERM, SIGHUP};
// Signals after which the program cannot continue: the terminal is put back before the
// signal's previous disposition (normally the default action) runs. SIGQUIT (Ctrl-\) dumps
// core by default; SIGTRAP is how Swift traps on arm64 (SIGILL on x86-64).
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGQUIT, SIGTRAP};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))
#define RESET_CAPACITY 256
// An alternate stack lets the SIGSEGV handler run after a stack overflow on this thread.
#define ALT_STACK_SIZE (64 * 1024)

static atomic_int claimed;
static atomic_int interrupt_pending;
static atomic_int resize_pending;
static atomic_int wake_read_fd = -1;
static atomic_int wake_write_fd = -1;

static atomic_int terminal_fd = -1;
static atomic_int has_settings;
static struct termios saved_settings;

static char reset_bytes[RESET_CAPACITY];
static atomic_size_t reset_length;

static atomic_int error_target_fd = -1;
static atomic_int error_original_fd = -1;
static atomic_int error_capture_fd = -1;

static atomic_int crash_restored;

static struct sigaction previous_interrupt[COUNT(interrupt_signals)];
static struct sigaction previous_fatal[COUNT(fatal_signals)];
static struct sigaction previous_winch;
static struct sigaction previous_tstp;

static char alt_stack_memory[ALT_STACK_SIZE];
static stack_t previous_alt_stack;
static int installed_alt_stack;

static void (*_Atomic exit_hook)(void *);
static void *_Atomic exit_context;
static atomic_flag exit_registered = ATOMIC_FLAG_INIT;

static void write_all(int fd, const char *bytes, size_t length) {
  while (length > 0) {
    ssize_t written = write(fd, bytes, length);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;
    bytes += written;
    length -= (size_t)written;
  }
}

static void wake(void) {
  int fd = atomic_load(&wake_write_fd);
  if (fd < 0) return;
  char byte = 1;
  // A full pipe already holds a wake-up: losing this byte loses nothing.
  ssize_t ignored = write(fd, &byte, 1);
  (void)ignored;
}

static void on_interrupt(int signal_number) {
  (void)signal_number;
  int saved_errno = errno;
  atomic_store(&interrupt_pending, 1);
  wake();
  errno = saved_errno;
}

static void on_resize(int signal_number) {
  (void)signal_number;
  int saved_errno = errno;
  atomic_store(&resize_pending, 1);
  wake();
  errno = saved_errno;
}

static void on_fatal(int signal_number, siginfo_t *info, void *context) {
  (void)context;
  int saved_errno = errno;
  if (atomic_exchange(&crash_restored, 1) == 0) {
    int fd = atomic_load(&terminal_fd);
    size_t length = atomic_load(&reset_length);
    if (fd >= 0 && length > 0) write_all(fd, reset_bytes, length);
    cn_guard_restore_settings();
    cn_guard_release_error_capture();
  }
  // Hand the signal to whatever handled it before the screen started: the default action, or
  // the Swift runtime's backtracer, which prints where the program crashed (to the real
  // standard error, now that it is back) and then dies of the same signal. The signal is
  // blocked while this handler runs, so it is delivered as soon as the handler returns, with
  // the context of the original fault.
  struct sigaction previous;
  memset(&previous, 0, sizeof previous);
  previous.sa_handler = SIG_DFL;
  sigemptyset(&previous.sa_mask);
  for (size_t i = 0; i < COUNT(fatal_signals); i++) {
    if (fatal_signals[i] == signal_number) previous = previous_fatal[i];
  }
  // A fatal signal sent from outside (kill -SEGV, or Ctrl-\) is no fault to trace: the Swift
  // backtracer returns from such a signal and the program would run on in a terminal already
  // put back. It gets the default action, which ends the program. (abort() in this process
  // re-raises SIGABRT itself after its handler returns, so it keeps its backtrace.)
  int from_abort = signal_number == SIGABRT && info != NULL && info->si_pid == getpid();
  int sent = signal_number == SIGQUIT || (info != NULL && info->si_code <= 0 && !from_abort);
  if (sent) {
    memset(&previous, 0, sizeof previous);
    previous.sa_handler = SIG_DFL;
    sigemptyset(&previous.sa_mask);
  }
  sigaction(signal_number, &previous, NULL);
  raise(signal_number);
  errno = saved_errno;
}

static int install(int signal_number, void (*handler)(int), int flags, struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = flags;
  return sigaction(signal_number, &action, previous);
}

int cn_guard_start(int fd) {
  int expected = 0;
  if (!atomic_compare_exchange_strong(&claimed, &expected, 1)) {
    errno = EBUSY;
    return -1;
  }
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) {
    int saved_errno = errno;
    atomic_store(&claimed, 0);
    errno = saved_errno;
    return -1;
  }
  for (int i = 0; i < 2; i++) {
    fcntl(pipe_fds[i], F_SETFD, FD_CLOEXEC);
    fcntl(pipe_fds[i], F_SETFL, fcntl(pipe_fds[i], F_GETFL) | O_NONBLOCK);
  }
  atomic_store(&interrupt_pending, 0);
  atomic_store(&resize_pending, 0);
  atomic_store(&crash_restored, 0);
  atomic_store(&reset_length, 0);
  atomic_store(&wake_read_fd, pipe_fds[0]);
  atomic_store(&wake_write_fd, pipe_fds[1]);

  atomic_store(&has_settings, 0);
  if (isatty(fd) && tcgetattr(fd, &saved_settings) == 0) atomic_store(&has_settings, 1);
  atomic_store(&terminal_fd, fd);

  installed_alt_stack = 0;
  stack_t current;
  if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
    stack_t alternate;
    memset(&alternate, 0, sizeof alternate);
    alternate.ss_sp = alt_stack_memory;
    alternate.ss_size = sizeof alt_stack_memory;
    if (sigaltstack(&alternate, &previous_alt_stack) == 0) installed_alt_stack = 1;
  }

  // A parent (a shell script, a process supervisor) may have blocked these.
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, SIGINT);
  sigaddset(&unblock, SIGTERM);
  sigaddset(&unblock, SIGHUP);
  sigaddset(&unblock, SIGWINCH);
  sigprocmask(SIG_UNBLOCK, &unblock, NULL);

  // SA_RESTART keeps unrelated blocking calls elsewhere in the program from failing with EINTR;
  // the input loop's poll() wakes through the pipe either way.
  for (size_t i = 0; i < COUNT(interrupt_signals); i++) {
    install(interrupt_signals[i], on_interrupt, SA_RESTART, &previous_interrupt[i]);
  }
  install(SIGWINCH, on_resize, SA_RESTART, &previous_winch);
  for (size_t i = 0; i < COUNT(fatal_signals); i++) {
    // One the parent chose to ignore (SIGQUIT in a background job) stays ignored.
    sigaction(fatal_signals[i], NULL, &previous_fatal[i]);
    if (previous_fatal[i].sa_handler == SIG_IGN) continue;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_fatal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK | SA_SIGINFO;
    sigaction(fatal_signals[i], &action, NULL);
  }
  // ncurses installs its own SIGTSTP handler (suspend and resume the screen) when the
  // disposition is the default; remember it to put it back afterwards.
  sigaction(SIGTSTP, NULL, &previous_tstp);
  return 0;
}

void cn_guard_stop(void) {
  if (atomic_load(&claimed) == 0) return;
  for (size_t i = 0; i < COUNT(interrupt_signals); i++) {
    sigaction(interrupt_signals[i], &previous_interrupt[i], NULL);
  }
  sigaction(SIGWINCH, &previous_winch, NULL);
  for (size_t i = 0; i < COUNT(fatal_signals); i++) sigaction(fatal_signals[i], &previous_fatal[i], NULL);
  sigaction(SIGTSTP, &previous_tstp, NULL);
  if (installed_alt_stack) {
    sigaltstack(&previous_alt_stack, NULL);
    installed_alt_stack = 0;
  }
  int read_fd = atomic_exchange(&wake_read_fd, -1);
  int write_fd = atomic_exchange(&wake_write_fd, -1);
  if (read_fd >= 0) close(read_fd);
  if (write_fd >= 0) close(write_fd);
  atomic_store(&terminal_fd, -1);
  atomic_store(&has_settings, 0);
  atomic_store(&reset_length, 0);
  cn_guard_release_error_capture();
  atomic_store(&claimed, 0);
}

void cn_guard_set_reset_sequence(const char *bytes, size_t length) {
  // Unpublish first so that a crash in between never writes a half-copied sequence.
  atomic_store(&reset_length, 0);
  if (bytes == NULL) return;
  if (length > RESET_CAPACITY) length = RESET_CAPACITY;
  memcpy(reset_bytes, bytes, length);
  atomic_store(&reset_length, length);
}

void cn_guard_set_error_capture(int target_fd, int original_fd, int capture_fd) {
  atomic_store(&error_capture_fd, capture_fd);
  atomic_store(&error_original_fd, original_fd);
  atomic_store(&error_target_fd, target_fd);
}

void cn_guard_release_error_capture(void) {
  int target = atomic_exchange(&error_target_fd, -1);
  int original = atomic_exchange(&error_original_fd, -1);
  int capture = atomic_exchange(&error_capture_fd, -1);
  if (target < 0 || original < 0 || capture < 0) return;
  dup2(original, target);
  close(original);
  if (lseek(capture, 0, SEEK_SET) == 0) {
    char chunk[1024];
    for (;;) {
      ssize_t count = read(capture, chunk, sizeof chunk);
      if (count < 0 && errno == EINTR) continue;
      if (count <= 0) break;
      write_all(target, chunk, (size_t)count);
    }
  }
  close(capture);
}

int cn_guard_wakeup_fd(void) { return atomic_load(&wake_read_fd); }

void cn_guard_drain_wakeups(void) {
  int fd = atomic_load(&wake_read_fd);
  if (fd < 0) return;
  char chunk[64];
  while (read(fd, chunk, sizeof chunk) > 0) {
  }
}

int cn_guard_take_interrupt(void) { return atomic_exchange(&interrupt_pending, 0); }

int cn_guard_take_resize(void) { return atomic_exchange(&resize_pending, 0); }

void cn_guard_restore_settings(void) {
  int fd = atomic_load(&terminal_fd);
  if (fd < 0 || atomic_load(&has_settings) == 0) return;
  // TCSANOW, not TCSADRAIN: draining could wait forever on a terminal stopped by XOFF.
  tcsetattr(fd, TCSANOW, &saved_settings);
}

static void run_exit_hook(void) {
  void (*hook)(void *) = atomic_exchange(&exit_hook, NULL);
  void *context = atomic_exchange(&exit_context, NULL);
  if (hook != NULL) hook(context);
}

void cn_guard_set_exit_hook(void (*hook)(void *context), void *context) {
  atomic_store(&exit_context, context);
  atomic_store(&exit_hook, hook);
  if (hook != NULL && !atomic_flag_test_and_set(&exit_registered)) atexit(run_exit_hook);
}

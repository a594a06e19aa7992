// What Swift cannot import from ncursesw directly, as `static inline` wrappers, plus the
// signal and crash guard (TerminalGuard.h) whose state must live in exactly one C file.
#ifndef CNCURSES_H
#define CNCURSES_H

// SwiftPM drops pkg-config's -D flags, and without these curses.h hides the wide-character
// API (cchar_t, get_wch, setcchar, add_wch).
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#if !__has_include(<ncursesw/curses.h>)
#error "ncursesw headers are missing: install them with `apt-get install libncurses-dev` (or run scripts/setup)"
#endif

#include <locale.h>
#include <ncursesw/curses.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <wchar.h>

#include "TerminalGuard.h"

// wcwidth is declared by <wchar.h> only under _XOPEN_SOURCE, which the Glibc module Swift
// imports was not built with; the function itself is always in the C library.
extern int wcwidth(wchar_t character);

// ncurses globals trip Swift 6's concurrency checks; reading them through functions does not.
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

// getmaxyx is a macro that assigns to its arguments.
static inline void cn_getmaxyx(WINDOW *window, int *rows, int *columns) {
  int y = 0;
  int x = 0;
  getmaxyx(window, y, x);
  *rows = y;
  *columns = x;
}

// Attribute and colour-pair macros are expressions, which Swift does not import.
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }

// KEY_F(n) is a function-like macro.
static inline int cn_key_f(int n) { return KEY_F(n); }

// The widest cluster a cell can carry: one spacing character plus combining characters.
static inline int cn_cchar_max(void) { return CCHARW_MAX; }

/// Writes one cell at row `y`, column `x`: `characters` is a NUL-terminated spacing character
/// followed by at most CCHARW_MAX - 1 combining characters. Wide characters take two columns,
/// which ncurses tracks itself.
static inline int cn_put_cell(WINDOW *window, int y, int x, const wchar_t *characters, attr_t attributes,
                              short pair) {
  cchar_t cell;
  memset(&cell, 0, sizeof cell);
  if (setcchar(&cell, characters, attributes, pair, NULL) == ERR) return ERR;
  return mvwadd_wch(window, y, x, &cell);
}

/// The terminal's size from the kernel (what it is now, not what ncurses last saw); 0 when
/// `fd` is not a terminal. ioctl is variadic, which Swift cannot call.
static inline int cn_terminal_size(int fd, int *rows, int *columns) {
  struct winsize size;
  memset(&size, 0, sizeof size);
  if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
  *rows = size.ws_row;
  *columns = size.ws_col;
  return 0;
}

/// Bytes waiting to be read on `fd`, or -1 when it cannot tell (not a terminal or pipe).
static inline int cn_readable_bytes(int fd) {
  int count = 0;
  if (ioctl(fd, FIONREAD, &count) != 0) return -1;
  return count;
}

/// A terminfo string capability, or NULL when the terminal lacks it. tigetstr signals
/// "absent" and "not a string" with two different sentinel pointers.
static inline const char *cn_terminfo_string(const char *name) {
  char *value = tigetstr(name);
  if (value == NULL || value == (char *)-1) return NULL;
  return value;
}

#endif

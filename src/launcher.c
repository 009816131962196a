/* SPDX-License-Identifier: GPL-3.0-or-later */

/* flywheel: the command people type and the desktop file runs. It loads no
 * library beyond libc and puts one of two programs in its place, with the
 * same arguments:
 *   flywheel-cli  for a command-line verb (core only: no GTK is loaded, so
 *                 `flywheel export` starts like a small tool);
 *   flywheel-gui  for everything else (the window, D-Bus activation).
 * A first argument that looks like a word (no '/' or '.', not an option) and is
 * no existing file is a mistyped verb: flywheel-cli names it and suggests the
 * nearest, rather than the window opening on "no such file".
 * In the build tree the two sit beside this program; installed, they live in
 * PKGLIBEXECDIR. */

#include "config.h"

#include <errno.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fw-cli-words.h"

static int
is_cli_word (const char *arg)
{
  static const char * const words[] = { FW_CLI_WORDS };

  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (strcmp (arg, words[i]) == 0)
      return 1;
  return 0;
}

/* "frobnicate", "exprot": a word, not a path, an option or a file that exists. */
static int
is_mistyped_verb (const char *arg)
{
  if (arg[0] == '\0' || arg[0] == '-' || strchr (arg, '/') || strchr (arg, '.'))
    return 0;
  return access (arg, F_OK) != 0;
}

/* Runs @program from the folder of @self (a path to this program), if it is there. */
static void
run_beside (const char *self,
            const char *program,
            char      **argv)
{
  const char *slash = strrchr (self, '/');
  char path[PATH_MAX];

  if (slash == NULL)
    return;
  if (snprintf (path, sizeof path, "%.*s/%s", (int) (slash - self), self, program) >=
      (int) sizeof path)
    return;
  if (access (path, X_OK) == 0)
    execv (path, argv);
}

static void
run_beside_self (const char *program,
                 char      **argv)
{
  char self[PATH_MAX];
  ssize_t length = readlink ("/proc/self/exe", self, sizeof self - 1);

  if (length > 0)
    {
      self[length] = '\0';
      run_beside (self, program, argv);
    }
  /* Without /proc (a bare chroot), the path this program was started by. */
  else if (argv[0] != NULL)
    run_beside (argv[0], program, argv);
}

int
main (int    argc,
      char **argv)
{
  const char *program =
    argc > 1 && (is_cli_word (argv[1]) || is_mistyped_verb (argv[1])) ? "flywheel-cli"
                                                                       : "flywheel-gui";
  const char *localedir = getenv ("FLYWHEEL_LOCALEDIR");
  char path[PATH_MAX];
  int saved;

  run_beside_self (program, argv);
  snprintf (path, sizeof path, "%s/%s", PKGLIBEXECDIR, program);
  execv (path, argv);
  saved = errno;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* TRANSLATORS: the first %s is a program's path, the second the reason */
  fprintf (stderr, dgettext (GETTEXT_PACKAGE, "flywheel: cannot start %s: %s\n"),
           path, strerror (saved));
  return 127;
}

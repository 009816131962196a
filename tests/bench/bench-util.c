/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "bench-util.h"

extern char **environ;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (GArray *times)
{
  g_array_sort (times, compare_double);
  return g_array_index (times, double, times->len / 2);
}

/* Runs a command with its output thrown away; its time and its own peak memory (wait4
 * reports the child's alone, unlike getrusage(RUSAGE_CHILDREN)). */
BenchRun
bench_run_child (const char * const *argv)
{
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  gint64 start;
  pid_t pid;
  int status;
  BenchRun run;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, 1, "/dev/null", O_WRONLY, 0);
  start = g_get_monotonic_time ();
  if (posix_spawnp (&pid, argv[0], &actions, NULL, (char **) argv, environ) != 0)
    g_error ("cannot run %s", argv[0]);
  posix_spawn_file_actions_destroy (&actions);
  if (wait4 (pid, &status, 0, &usage) != pid)
    g_error ("wait4 failed");
  run.ms = (g_get_monotonic_time () - start) / 1000.0;
  run.max_rss_kb = usage.ru_maxrss;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s failed (status %d)", argv[0], argv[1], status);
  return run;
}

void
bench_report (const char *what,
        GArray     *times,
        long        max_rss_kb)
{
  if (max_rss_kb > 0)
    g_print ("%-34s median %8.1f ms  (%u runs)  peak RSS %6.1f MB\n", what, bench_median (times),
             times->len, max_rss_kb / 1024.0);
  else
    g_print ("%-34s median %8.1f ms  (%u runs)\n", what, bench_median (times), times->len);
}


/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* Helpers of the benchmarks: medians, and commands timed in their own process. */

typedef struct
{
  double ms;
  long   max_rss_kb;
} BenchRun;

/* Sorts @times (doubles) and returns the middle one. */
double    bench_median     (GArray             *times);
/* Runs @argv (looked up in PATH) with its output thrown away and returns its
 * time and its own peak memory; a failing command ends the benchmark. */
BenchRun  bench_run_child  (const char * const *argv);
/* One line: what, the median, the number of runs, and peak memory if known. */
void      bench_report     (const char         *what,
                            GArray             *times,
                            long                max_rss_kb);

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "fw-core.h"
#include "fw-i18n.h"
#include "bench-util.h"

/* Issue 3's goal, measured: a whole `flywheel export --format pdf` process against
 * `dot -Tpdf` (Graphviz, cairo and Pango like us) on the same four-node cycle: the
 * stage names as nodes, the idea's four whys as edge labels, the hub in the middle.
 * The two commands take turns, so a busy moment of the machine hits both alike.
 * Prints the medians and their ratio; skipped (77) when dot is not installed. */

#define RUNS 41

static char *
write_dot (FwIdea     *idea,
           const char *dir)
{
  g_autoptr(GString) dot = g_string_new ("digraph flywheel {\n  layout=circo;\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "cycle.dot", NULL);

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_autofree char *label = g_strescape (fw_stage_short_label (s), NULL);

      g_string_append_printf (dot, "  s%u [shape=box, style=rounded, label=\"%s\"];\n", s, label);
    }
  g_string_append (dot, "  hub [shape=circle, label=\"Growth\"];\n");
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_autofree char *why = g_strescape (fw_idea_get_why (idea, s), NULL);

      g_string_append_printf (dot, "  s%u -> s%u [label=\"%s\"];\n", s, (s + 1) % FW_N_STAGES,
                              why);
    }
  g_string_append (dot, "}\n");
  if (!g_file_set_contents (path, dot->str, dot->len, &error))
    g_error ("%s", error->message);
  return path;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dot_program = g_find_program_in_path ("dot");
  g_autofree char *dir = NULL;
  g_autofree char *dot_file = NULL;
  g_autofree char *fw_out = NULL;
  g_autofree char *dot_out = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) fw_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) dot_times = g_array_new (FALSE, FALSE, sizeof (double));
  double fw_median, dot_median;

  if (argc != 3)
    g_error ("usage: %s FLYWHEEL SAMPLE.flywheel", argv[0]);
  if (dot_program == NULL)
    {
      g_print ("dot (Graphviz) is not installed: nothing to compare with\n");
      return 77;
    }

  fw_i18n_init_with_language ("en");
  file = g_file_new_for_path (argv[2]);
  workbook = fw_workbook_load (file, NULL, &error);
  if (workbook == NULL)
    g_error ("%s", error->message);
  dir = g_dir_make_tmp ("flywheel-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  dot_file = write_dot (fw_workbook_get_idea (workbook, 0), dir);
  fw_out = g_build_filename (dir, "flywheel.pdf", NULL);
  dot_out = g_build_filename (dir, "dot.pdf", NULL);

  {
    const char *fw_argv[] = { argv[1], "export", argv[2], "--idea", "1", "--format", "pdf",
                              "--lang", "en", "-o", fw_out, NULL };
    const char *dot_argv[] = { dot_program, "-Tpdf", dot_file, "-o", dot_out, NULL };

    for (guint i = 0; i < 3; i++)  /* warm the page cache for both */
      {
        bench_run_child (fw_argv);
        bench_run_child (dot_argv);
      }
    for (guint i = 0; i < RUNS; i++)
      {
        double fw_ms = bench_run_child (fw_argv).ms;
        double dot_ms = bench_run_child (dot_argv).ms;

        g_array_append_val (fw_times, fw_ms);
        g_array_append_val (dot_times, dot_ms);
      }
  }

  g_print ("the same four-node cycle, %u runs each, taking turns:\n", RUNS);
  bench_report ("flywheel export --format pdf", fw_times, 0);
  bench_report ("dot -Tpdf", dot_times, 0);
  fw_median = bench_median (fw_times);
  dot_median = bench_median (dot_times);
  g_print ("ratio flywheel / dot: %.2f (goal: at most 1.00)\n", fw_median / dot_median);

  g_unlink (dot_file);
  g_unlink (fw_out);
  g_unlink (dot_out);
  g_rmdir (dir);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Medians of the diagram's costs: run with `meson test -C BUILD --benchmark`. */

#include "config.h"

#include <stdio.h>

#include "fw-core.h"
#include "fw-export.h"
#include "fw-flywheel-render.h"
#include "fw-i18n.h"
#include "fw-test-language.h"
#include "fw-test-team.h"

typedef void (*BenchFunc) (gpointer data);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (BenchFunc func,
           gpointer  data,
           guint     runs)
{
  g_autofree double *times = g_new (double, runs);

  func (data);  /* warm caches: fonts, glyphs */
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  return times[runs / 2];
}

typedef struct
{
  FwFlywheelInput  *input;
  FwFlywheelLayout *layout;
  FwDiagramStyle    style;
  cairo_surface_t  *surface;
  FwExportFormat    format;
} Bench;

static void
cached_frame (gpointer data)
{
  Bench *b = data;
  cairo_t *cr = cairo_create (b->surface);

  fw_flywheel_draw (b->layout, cr, 1);
  cairo_destroy (cr);
  cairo_surface_flush (b->surface);
}

static void
fresh_frame (gpointer data)
{
  Bench *b = data;
  FwFlywheelLayout *layout = fw_flywheel_layout_new (b->input, 1200, 900, &b->style, NULL);
  cairo_t *cr = cairo_create (b->surface);

  fw_flywheel_draw (layout, cr, 1);
  cairo_destroy (cr);
  cairo_surface_flush (b->surface);
  fw_flywheel_layout_free (layout);
}

static void
export (gpointer data)
{
  Bench *b = data;
  FwExportOptions options;
  g_autoptr(GBytes) bytes = NULL;

  fw_export_options_init (&options, b->format);
  bytes = fw_export_to_bytes (b->input, &options, NULL);
  g_assert_nonnull (bytes);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  Bench b = { 0 };

  fw_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  fw_test_use_language ("ja");

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "sample-ja.flywheel", NULL);
  file = g_file_new_for_path (path);
  workbook = fw_workbook_load (file, NULL, NULL);
  g_assert_nonnull (workbook);

  /* The losing idea: a cut arc and the longest labels. */
  b.input = fw_flywheel_input_new_for_idea (fw_workbook_get_idea (workbook, 2));
  fw_diagram_style_init (&b.style, FW_DIAGRAM_THEME_LIGHT);
  b.layout = fw_flywheel_layout_new (b.input, 1200, 900, &b.style, NULL);
  b.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 900);

  printf ("# flywheel diagram, Japanese sample idea 3, 1200×900, medians\n");
  printf ("frame, cached layout:   %8.3f ms\n", median_ms (cached_frame, &b, 200));
  printf ("frame, fresh layout:    %8.3f ms\n", median_ms (fresh_frame, &b, 50));
  b.format = FW_EXPORT_PNG;
  printf ("export PNG (to memory): %8.3f ms\n", median_ms (export, &b, 20));
  b.format = FW_EXPORT_PDF;
  printf ("export PDF (to memory): %8.3f ms\n", median_ms (export, &b, 20));
  b.format = FW_EXPORT_SVG;
  printf ("export SVG (to memory): %8.3f ms\n", median_ms (export, &b, 20));

  /* The team's spread of 8 members, a split and a range on every stage (goal: a
   * cached frame under 2 ms). */
  {
    static const char * const names[] = { "Aiko", "Ben", "Chie", "Dai", "Emi", "Fumi", "Goro",
                                           "Hana" };
    static const char * const codes[] = { "hhhh", "bhsw", "whhs", "shbh", "hwhh", "hhws",
                                           "sbhh", "hhhb" };
    FwIdea *idea = fw_workbook_get_idea (workbook, 2);
    Bench t = b;

    for (guint m = 0; m < G_N_ELEMENTS (names); m++)
      fw_test_member_assess (workbook, idea, names[m], FW_ROLE_ENGINEER, codes[m]);
    t.input = fw_flywheel_input_new_for_idea (idea);
    g_assert_true (t.input->has_spread);
    t.layout = fw_flywheel_layout_new (t.input, 1200, 900, &t.style, NULL);
    printf ("# the same idea with an 8-member spread\n");
    printf ("frame, cached layout:   %8.3f ms\n", median_ms (cached_frame, &t, 200));
    printf ("frame, fresh layout:    %8.3f ms\n", median_ms (fresh_frame, &t, 50));
    fw_flywheel_layout_free (t.layout);
    fw_flywheel_input_free (t.input);
  }

  cairo_surface_destroy (b.surface);
  fw_flywheel_layout_free (b.layout);
  fw_flywheel_input_free (b.input);
  return 0;
}

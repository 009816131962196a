/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#define _GNU_SOURCE  /* memmem */
#include <glib/gstdio.h>
#include <string.h>

#include "fw-core.h"
#include "fw-export.h"
#include "fw-flywheel-render.h"
#include "fw-i18n.h"
#include "fw-test-team.h"
#include "fw-test-util.h"

static FwFlywheelInput *
sample_input (const char *lang,
              guint       idea)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample (lang);

  return fw_flywheel_input_new_for_idea (fw_workbook_get_idea (workbook, idea));
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static void
test_png (void)
{
  g_autoptr(FwFlywheelInput) input = sample_input ("en", 0);
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  for (int scale = 1; scale <= 2; scale++)
    {
      FwExportOptions options;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      const guint8 *data;
      gsize size;

      fw_export_options_init (&options, FW_EXPORT_PNG);
      options.width = 640;
      options.height = 480;
      options.scale = scale;
      bytes = fw_export_to_bytes (input, &options, &error);
      g_assert_no_error (error);
      data = g_bytes_get_data (bytes, &size);
      g_assert_cmpuint (size, >, 33);
      g_assert_cmpmem (data, 8, signature, 8);
      g_assert_cmpmem (data + 12, 4, "IHDR", 4);
      g_assert_cmpuint (read_be32 (data + 16), ==, 640 * scale);
      g_assert_cmpuint (read_be32 (data + 20), ==, 480 * scale);
    }
}

static char *
run (const char *command_line,
     int        *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_spawn_command_line_sync (command_line, &out, NULL, status, &error);
  g_assert_no_error (error);
  return out;
}

static void
test_pdf (void)
{
  g_autoptr(FwFlywheelInput) input = sample_input ("ja", 2);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "idea.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  FwExportOptions options;
  const char *data;
  gsize size;

  fw_export_options_init (&options, FW_EXPORT_PDF);
  options.author = "Mika Sato";
  bytes = fw_export_to_bytes (input, &options, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-1."));
  g_assert_nonnull (memmem (data + size - 32, 32, "%%EOF", 5));
  /* Fonts embedded (as subsets), not referenced. */
  g_assert_nonnull (memmem (data, size, "/FontFile", strlen ("/FontFile")));

  g_assert_true (fw_export_to_file (input, &options, path, &error));
  g_assert_no_error (error);

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
    }
  else
    {
      g_autofree char *cmd = g_strdup_printf ("%s %s -", pdftotext, path);
      g_autofree char *info_cmd = g_strdup_printf ("%s %s", pdfinfo, path);
      g_autofree char *text = NULL;
      g_autofree char *info = NULL;
      int status;

      text = run (cmd, &status);
      g_assert_cmpint (status, ==, 0);
      /* The title and a why come out as text: fonts with Unicode maps. */
      g_assert_nonnull (strstr (text, "即時審査"));
      g_assert_nonnull (strstr (text, "返済実績"));
      info = run (info_cmd, &status);
      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (info, input->title));
      g_assert_nonnull (strstr (info, "Mika Sato"));
      g_assert_nonnull (strstr (info, "Flywheel"));
      g_assert_nonnull (strstr (info, "1200 x 900 pts"));
    }
  g_unlink (path);
  g_rmdir (dir);
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  GString *root = user_data;

  if (root->len == 0)
    {
      g_string_append (root, element);
      for (guint i = 0; names[i]; i++)
        g_string_append_printf (root, " %s=%s", names[i], values[i]);
    }
}

static void
test_svg (void)
{
  g_autoptr(FwFlywheelInput) input = sample_input ("en", 2);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) root = g_string_new (NULL);
  GMarkupParser parser = { start_element, NULL, NULL, NULL, NULL };
  GMarkupParseContext *context;
  FwExportOptions options;
  const char *data;
  gsize size;

  fw_export_options_init (&options, FW_EXPORT_SVG);
  bytes = fw_export_to_bytes (input, &options, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);

  context = g_markup_parse_context_new (&parser, 0, root, NULL);
  g_assert_true (g_markup_parse_context_parse (context, data, size, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);

  g_assert_true (g_str_has_prefix (root->str, "svg "));
  /* The default size, as the window and the command line use it. */
  g_assert_nonnull (strstr (root->str, "width=1600px"));
  g_assert_nonnull (strstr (root->str, "height=1200px"));
}

static void
test_errors_write_nothing (void)
{
  g_autoptr(FwFlywheelInput) input = sample_input ("en", 0);
  g_autofree char *dir = g_dir_make_tmp ("fw-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kept.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "folder.png", NULL);
  g_autofree char *contents = NULL;
  FwExportOptions options;
  GError *error = NULL;
  GDir *listing;
  guint n = 0;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  fw_export_options_init (&options, FW_EXPORT_PNG);

  options.scale = 9;
  g_assert_false (fw_export_to_file (input, &options, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  options.scale = 1;
  options.width = 20;
  g_assert_false (fw_export_to_file (input, &options, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  options.width = 1200;
  g_assert_false (fw_export_to_file (input, &options, missing, &error));
  /* The message names the file asked for, never the temporary file beside it. */
  {
    g_autofree char *expected = g_strdup_printf ("%s: the folder does not exist", missing);

    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_cmpstr (error->message, ==, expected);
  }
  g_clear_error (&error);
  g_assert_false (fw_export_to_file (input, &options, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* The old file is untouched and no temporary file is left behind. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing))
    n++;
  g_dir_close (listing);
  g_assert_cmpuint (n, ==, 1);

  /* And a good export replaces it whole. */
  g_assert_true (fw_export_to_file (input, &options, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents + 1, "PNG"));

  g_unlink (path);
  g_rmdir (dir);
}

/* The window's default (the schema's) and the command line's (the core's) agree. */
static void
test_default_size (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *keys[] = { "export-width", "export-height" };
  const int expected[] = { 1600, 1200 };
  FwExportOptions options;

  fw_export_options_init (&options, FW_EXPORT_PNG);
  g_assert_cmpfloat (options.width, ==, expected[0]);
  g_assert_cmpfloat (options.height, ==, expected[1]);

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, keys[i]);
      g_autoptr(GVariant) value = g_settings_schema_key_get_default_value (key);

      g_assert_cmpint (g_variant_get_int32 (value), ==, expected[i]);
    }
}

static void
test_format_ids (void)
{
  FwExportFormat format;

  g_assert_true (fw_export_format_from_id ("pdf", &format));
  g_assert_cmpint (format, ==, FW_EXPORT_PDF);
  g_assert_false (fw_export_format_from_id ("bmp", &format));
  g_assert_true (fw_export_format_from_filename ("/tmp/Diagram.SVG", &format));
  g_assert_cmpint (format, ==, FW_EXPORT_SVG);
  g_assert_false (fw_export_format_from_filename ("/tmp/diagram", &format));
}

/* Reference images: a few fixed renders compared pixel by pixel. Fonts
 * differ a little between machines, so a channel may be off by 64 and 1.5%
 * of the pixels may differ; a moved arc, node or label is far more than that.
 * FW_UPDATE_REFERENCE=1 writes them anew (look at them before committing). */
typedef struct
{
  const char     *name;
  const char     *lang;
  gboolean        is_case;
  guint           index;
  int             width, height;
  FwDiagramTheme  theme;
  const char     *team;   /* members' codes (fw_test_judge()), comma-separated; NULL: none */
} Reference;

static const Reference references[] = {
  { "idea-winning-en-light", "en", FALSE, 0, 800, 600, FW_DIAGRAM_THEME_LIGHT },
  { "idea-broken-en-dark", "en", FALSE, 2, 800, 600, FW_DIAGRAM_THEME_DARK },
  { "idea-incomplete-ja-light", "ja", FALSE, 4, 600, 600, FW_DIAGRAM_THEME_LIGHT },
  { "case-ja-dark", "ja", TRUE, 0, 640, 400, FW_DIAGRAM_THEME_DARK },
  { "idea-small-en-light", "en", FALSE, 3, 360, 360, FW_DIAGRAM_THEME_LIGHT },
  /* The team's spread: customer experience split (broken against holds), data from
   * weak to strong, model alike. */
  { "team-en-light", "en", FALSE, 0, 800, 600, FW_DIAGRAM_THEME_LIGHT, "hhwh,bhsh,hshh" },
  { "team-ja-dark", "ja", FALSE, 0, 600, 600, FW_DIAGRAM_THEME_DARK, "hhwh,bhsh,hshh" },
  { "team-small-en-dark", "en", FALSE, 0, 360, 360, FW_DIAGRAM_THEME_DARK, "hhwh,bhsh,hshh" },
};

static cairo_surface_t *
render_reference (const Reference *ref)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample (ref->lang);
  g_autoptr(FwFlywheelInput) input = NULL;
  g_autoptr(FwFlywheelLayout) layout = NULL;
  FwDiagramStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* The interface stays in English (the test runs in C.UTF-8), so new
   * translations do not change the images; the Japanese samples still put
   * Japanese text on them. */
  if (ref->team)
    {
      g_auto(GStrv) codes = g_strsplit (ref->team, ",", -1);
      static const char * const names[] = { "Aiko", "Ben", "Chie", "Dai" };

      for (guint i = 0; codes[i]; i++)
        fw_test_member_assess (workbook, fw_workbook_get_idea (workbook, ref->index), names[i],
                               FW_ROLE_ENGINEER, codes[i]);
    }
  if (ref->is_case)
    input = fw_flywheel_input_new_for_case (fw_workbook_get_case (workbook, ref->index));
  else
    input = fw_flywheel_input_new_for_idea (fw_workbook_get_idea (workbook, ref->index));
  fw_diagram_style_init (&style, ref->theme);
  layout = fw_flywheel_layout_new (input, ref->width, ref->height, &style, NULL);
  g_assert_cmpuint (fw_flywheel_layout_count_unknown_glyphs (layout), ==, 0);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ref->width, ref->height);
  cr = cairo_create (surface);
  fw_flywheel_draw (layout, cr, -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_reference (gconstpointer data)
{
  const Reference *ref = data;
  g_autofree char *file = g_strdup_printf ("%s.png", ref->name);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", file, NULL);
  cairo_surface_t *actual = render_reference (ref);
  cairo_surface_t *expected;
  const guint8 *a, *e;
  int stride_a, stride_e;
  guint64 differing = 0, total;

  if (g_getenv ("FW_UPDATE_REFERENCE"))
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", path);
    }

  expected = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (expected), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (expected), ==, ref->width);
  g_assert_cmpint (cairo_image_surface_get_height (expected), ==, ref->height);

  a = cairo_image_surface_get_data (actual);
  e = cairo_image_surface_get_data (expected);
  stride_a = cairo_image_surface_get_stride (actual);
  stride_e = cairo_image_surface_get_stride (expected);
  total = (guint64) ref->width * ref->height;
  for (int y = 0; y < ref->height; y++)
    for (int x = 0; x < ref->width; x++)
      for (int c = 0; c < 4; c++)
        if (ABS ((int) a[y * stride_a + 4 * x + c] - (int) e[y * stride_e + 4 * x + c]) > 64)
          {
            differing++;
            break;
          }

  if (differing * 1000 > total * 15)
    {
      g_autofree char *out = g_strdup_printf ("%s/%s-actual.png", g_get_tmp_dir (), ref->name);

      cairo_surface_write_to_png (actual, out);
      g_error ("%s: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " pixels differ; see %s",
               ref->name, differing, total, out);
    }
  g_test_message ("%s: %" G_GUINT64_FORMAT " pixels differ", ref->name, differing);

  cairo_surface_destroy (actual);
  cairo_surface_destroy (expected);
}

int
main (int    argc,
      char **argv)
{
  fw_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/png", test_png);
  g_test_add_func ("/export/pdf", test_pdf);
  g_test_add_func ("/export/svg", test_svg);
  g_test_add_func ("/export/errors-write-nothing", test_errors_write_nothing);
  g_test_add_func ("/export/format-ids", test_format_ids);
  g_test_add_func ("/export/default-size", test_default_size);
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autofree char *name = g_strdup_printf ("/export/reference/%s", references[i].name);

      g_test_add_data_func (name, &references[i], test_reference);
    }

  return g_test_run ();
}

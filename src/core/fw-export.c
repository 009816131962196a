/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include "fw-gettext.h"

#include "fw-export.h"
#include "fw-flywheel-render.h"
#include "fw-text.h"
#include "fw-workbook-io.h"

static const char * const format_ids[] = { "png", "pdf", "svg" };
G_STATIC_ASSERT (G_N_ELEMENTS (format_ids) == FW_N_EXPORT_FORMATS);

void
fw_export_options_init (FwExportOptions *options,
                        FwExportFormat   format)
{
  g_return_if_fail (options != NULL);

  options->format = format;
  options->width = FW_EXPORT_DEFAULT_WIDTH;
  options->height = FW_EXPORT_DEFAULT_HEIGHT;
  options->scale = 1;
  fw_diagram_style_init (&options->style, FW_DIAGRAM_THEME_LIGHT);
  options->author = NULL;
  options->language = NULL;
}

gboolean
fw_export_format_from_id (const char     *id,
                          FwExportFormat *format)
{
  guint i;

  if (!fw_text_find (format_ids, G_N_ELEMENTS (format_ids), id, &i))
    return FALSE;
  *format = i;
  return TRUE;
}

const char *
fw_export_format_to_id (FwExportFormat format)
{
  g_return_val_if_fail (format < FW_N_EXPORT_FORMATS, NULL);
  return format_ids[format];
}

gboolean
fw_export_format_from_filename (const char     *filename,
                                FwExportFormat *format)
{
  const char *dot = filename ? strrchr (filename, '.') : NULL;
  g_autofree char *lower = NULL;

  if (dot == NULL)
    return FALSE;
  lower = g_ascii_strdown (dot + 1, -1);
  return fw_export_format_from_id (lower, format);
}

const char *
fw_export_format_mime_type (FwExportFormat format)
{
  static const char *types[] = { "image/png", "application/pdf", "image/svg+xml" };

  g_return_val_if_fail (format < FW_N_EXPORT_FORMATS, NULL);
  return types[format];
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not draw the diagram: %s"), cairo_status_to_string (status));
  return FALSE;
}

/* The one place that turns a drawing into PNG, PDF or SVG bytes: the flywheel
 * and the portfolio chart both come through here. */
GBytes *
fw_export_draw_to_bytes (const FwExportOptions *options,
                         const char            *title,
                         FwExportDrawFunc       draw,
                         gpointer               user_data,
                         GError               **error)
{
  g_autoptr(FwI18nScope) scope = NULL;
  g_autoptr(GByteArray) data = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (draw != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* This thread only: another may be drawing in another language. */
  if (options->language)
    scope = fw_i18n_scope_push (options->language);

  w = options->width;
  h = options->height;
  if (!(w >= FW_EXPORT_MIN_SIZE && w <= FW_EXPORT_MAX_SIZE &&
        h >= FW_EXPORT_MIN_SIZE && h <= FW_EXPORT_MAX_SIZE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The size must be between %d and %d pixels each way"),
                   FW_EXPORT_MIN_SIZE, FW_EXPORT_MAX_SIZE);
      return NULL;
    }
  if (options->scale < 1 || options->scale > FW_EXPORT_MAX_SCALE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The scale must be between 1 and %d"), FW_EXPORT_MAX_SCALE);
      return NULL;
    }
  if (options->format >= FW_N_EXPORT_FORMATS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Unknown format"));
      return NULL;
    }

  data = g_byte_array_new ();
  switch (options->format)
    {
    case FW_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w * options->scale),
                                            (int) (h * options->scale));
      break;
    case FW_EXPORT_PDF:
      /* 96 px to the inch, as on screen: a 1200 px diagram is a 12.5 in page. */
      surface = cairo_pdf_surface_create_for_stream (append_cb, data, w * 0.75, h * 0.75);
      if (title && *title)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      if (options->author && *options->author)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, options->author);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                      "Flywheel " PACKAGE_VERSION);
      break;
    case FW_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_cb, data, w, h);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case FW_N_EXPORT_FORMATS:
    default:
      g_assert_not_reached ();
    }

  if (!check_status (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  if (options->format == FW_EXPORT_PNG)
    cairo_scale (cr, options->scale, options->scale);
  else if (options->format == FW_EXPORT_PDF)
    cairo_scale (cr, 0.75, 0.75);
  draw (cr, w, h, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && options->format == FW_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_cb, data);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

gboolean
fw_export_write_bytes (GBytes      *bytes,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GError) folder = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "");

      fw_file_error_set (error, folder, path, TRUE);
      return FALSE;
    }

  /* CONSISTENT: a temporary file in the same folder, renamed over @path. Its
   * errors name that temporary file, so they are worded again for @path. */
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                 &local_error))
    {
      fw_file_error_set (error, local_error, path, TRUE);
      return FALSE;
    }
  return TRUE;
}

static void
draw_flywheel_cb (cairo_t  *cr,
                  double    width,
                  double    height,
                  gpointer  user_data)
{
  const FwFlywheelInput *input = ((gpointer *) user_data)[0];
  const FwExportOptions *options = ((gpointer *) user_data)[1];
  g_autoptr(FwFlywheelLayout) layout = fw_flywheel_layout_new (input, width, height,
                                                               &options->style, NULL);

  fw_flywheel_draw (layout, cr, -1);
}

GBytes *
fw_export_to_bytes (const FwFlywheelInput *input,
                    const FwExportOptions *options,
                    GError               **error)
{
  gpointer data[] = { (gpointer) input, (gpointer) options };

  g_return_val_if_fail (input != NULL, NULL);
  return fw_export_draw_to_bytes (options, input->title, draw_flywheel_cb, data, error);
}

gboolean
fw_export_to_file (const FwFlywheelInput *input,
                   const FwExportOptions *options,
                   const char            *path,
                   GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = fw_export_to_bytes (input, options, error);
  return bytes != NULL && fw_export_write_bytes (bytes, path, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo-pdf.h>
#include "fw-gettext.h"
#include <math.h>
#include <string.h>

#include "fw-assessment.h"
#include "fw-flywheel-layout.h"
#include "fw-flywheel-render.h"
#include "fw-fonts.h"
#include "fw-i18n.h"
#include "fw-portfolio.h"
#include "fw-report.h"
#include "fw-report-private.h"
#include "fw-text.h"
#include "fw-workbook-io.h"


static const char * const paper_ids[] = { "a4", "letter" };
G_STATIC_ASSERT (G_N_ELEMENTS (paper_ids) == FW_N_PAPERS);

void
fw_report_options_init (FwReportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->paper = FW_PAPER_A4;
  options->date = NULL;
  options->language = NULL;
}

gboolean
fw_paper_from_id (const char *id,
                  FwPaper    *paper)
{
  guint i;

  if (!fw_text_find (paper_ids, G_N_ELEMENTS (paper_ids), id, &i))
    return FALSE;
  *paper = i;
  return TRUE;
}

void
fw_paper_get_size (FwPaper  paper,
                   double  *width,
                   double  *height)
{
  if (paper == FW_PAPER_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

FwWorkbook *
fw_report_copy_workbook (FwWorkbook *workbook)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  FwWorkbook *copy;
  const char *data;
  gsize size;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), NULL);

  bytes = fw_workbook_to_bytes (workbook);
  data = g_bytes_get_data (bytes, &size);
  copy = fw_workbook_load_from_data (data, size, "copy", &error);
  /* What we wrote we can read: anything else is a bug in the file format. */
  if (copy == NULL)
    g_critical ("Could not copy the workbook: %s", error->message);
  return copy;
}

static PangoContext *
report_context (void)
{
  /* Unhinted: the same line breaks in the PDF and on any printer. */
  PangoContext *context = fw_fonts_new_unhinted_context (CAIRO_ANTIALIAS_DEFAULT);

  pango_cairo_context_set_resolution (context, 72);
  return context;
}

FwReport *
fw_report_new (FwWorkbook   *workbook,
               double        page_width,
               double        page_height,
               GDateTime    *date,
               GCancellable *cancellable)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GHashTable) case_names = NULL;
  FwReport *self;
  const char *title;
  guint n;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (page_width > 200 && page_height > 200, NULL);

  if (date == NULL)
    date = now = g_date_time_new_now_local ();

  self = g_new0 (FwReport, 1);
  self->messages = fw_i18n_get_thread_language ();
  self->pw = page_width;
  self->ph = page_height;
  self->cw = page_width - 2 * MARGIN_X;
  fw_diagram_style_init (&self->style, FW_DIAGRAM_THEME_LIGHT);
  /* Paper is white, not the window's grey. */
  self->style.background = (FwColor) { 1, 1, 1, 1 };
  self->context = report_context ();
  self->language = pango_language_from_string (fw_i18n_current_language ());
  pango_context_set_language (self->context, self->language);
  self->pages = g_ptr_array_new_with_free_func (report_page_free);
  self->bookmarks = g_array_new (FALSE, TRUE, sizeof (FwReportBookmark));
  g_array_set_clear_func (self->bookmarks, report_bookmark_clear);
  self->flywheels = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_flywheel_layout_free);
  self->idea_pages = g_array_new (FALSE, TRUE, sizeof (guint));
  self->portfolio = fw_portfolio_new (workbook);
  title = fw_workbook_get_title (workbook);
  self->title = g_strdup (title && *title ? title : _("Flywheel report"));

  case_names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < fw_workbook_get_n_cases (workbook); i++)
    {
      FwCase *item = fw_workbook_get_case (workbook, i);

      g_hash_table_insert (case_names, (gpointer) fw_case_get_id (item),
                           (gpointer) fw_case_get_name (item));
    }

  report_cover (self, workbook, date);
  report_portfolio_section (self);
  n = fw_portfolio_get_n_entries (self->portfolio);
  if (n > 0)
    {
      /* The section's bookmark goes to its first idea's page. */
      report_add_bookmark_at (self, _("Ideas"), 0, self->pages->len);
    }
  for (guint i = 0; i < n; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_ptr_array_set_size (self->pages, 0);
          return self;
        }
      report_idea_section (self, fw_portfolio_get_entry (self->portfolio, i), case_names);
      report_team_page (self, workbook, fw_portfolio_get_entry (self->portfolio, i));
    }
  report_team_summary (self, workbook);
  report_cases_section (self, workbook);
  self->page = NULL;
  return self;
}

guint
fw_report_get_n_pages (FwReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

guint
fw_report_get_n_bookmarks (FwReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bookmarks->len;
}

const FwReportBookmark *
fw_report_get_bookmark (FwReport *self,
                        guint     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->bookmarks->len, NULL);
  return &g_array_index (self->bookmarks, FwReportBookmark, index);
}

/* Cairo's tag attributes quote with single quotes and escape with a backslash. */
static char *
quote_attribute (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
draw_lines (FwReport *self,
            cairo_t  *cr,
            const Op *op)
{
  PangoLayoutIter *iter = pango_layout_get_iter (op->layout);
  g_autofree char *link = NULL;

  if (!self->tagged)
    ;
  else if (op->uri)
    {
      g_autofree char *quoted = quote_attribute (op->uri);
      link = g_strdup_printf ("uri='%s'", quoted);
    }
  else if (op->link_idea >= 0 && (guint) op->link_idea < self->idea_pages->len)
    link = g_strdup_printf ("dest='idea-%d'", op->link_idea + 1);
  if (op->dest && self->tagged)
    {
      g_autofree char *name = g_strdup_printf ("name='%s'", op->dest);
      cairo_tag_begin (cr, CAIRO_TAG_DEST, name);
    }
  if (link)
    cairo_tag_begin (cr, CAIRO_TAG_LINK, link);

  fw_color_set_source (&op->color, cr);
  for (int i = 0; i < op->first; i++)
    pango_layout_iter_next_line (iter);
  for (int i = 0; i < op->n; i++)
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, op->x + (double) logical.x / PANGO_SCALE,
                     op->y + baseline - op->top0);
      pango_cairo_show_layout_line (cr, line);
      if (!pango_layout_iter_next_line (iter))
        break;
    }
  pango_layout_iter_free (iter);

  if (link)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
  if (op->dest && self->tagged)
    cairo_tag_end (cr, CAIRO_TAG_DEST);
}

static void
add_outline (FwReport *self,
             cairo_t  *cr,
             guint     page)
{
  cairo_surface_t *surface = cairo_get_target (cr);

  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_PDF)
    return;
  if (page == 0)
    self->outline_section = CAIRO_PDF_OUTLINE_ROOT;
  for (guint i = 0; i < self->bookmarks->len; i++)
    {
      const FwReportBookmark *bookmark = &g_array_index (self->bookmarks, FwReportBookmark, i);
      g_autofree char *link = NULL;
      int id;

      if (bookmark->page != page)
        continue;
      link = g_strdup_printf ("page=%u pos=[%g %g]", page + 1, 0.0, 0.0);
      id = cairo_pdf_surface_add_outline (surface,
                                          bookmark->level > 0 ? self->outline_section
                                                              : CAIRO_PDF_OUTLINE_ROOT,
                                          bookmark->title, link,
                                          bookmark->level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      if (bookmark->level == 0)
        self->outline_section = id;
    }
}

void
fw_report_draw_page (FwReport *self,
                     cairo_t  *cr,
                     guint     page)
{
  g_autoptr(FwI18nScope) scope = NULL;
  Page *p;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *text = NULL;
  int fw, fh;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->pages->len);

  /* The footer and the chart's labels in the report's language, on any thread. */
  scope = fw_i18n_scope_push (self->messages);
  p = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  add_outline (self, cr, page);

  for (guint i = 0; i < p->ops->len; i++)
    {
      const Op *op = g_ptr_array_index (p->ops, i);

      switch (op->kind)
        {
        case OP_LINES:
          draw_lines (self, cr, op);
          break;
        case OP_RECT:
          fw_color_set_source (&op->color, cr);
          cairo_rectangle (cr, op->x, op->y, op->w, op->h);
          cairo_fill (cr);
          break;
        case OP_HLINE:
          fw_color_set_source (&op->color, cr);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, op->x, op->y);
          cairo_line_to (cr, op->x + op->w, op->y);
          cairo_stroke (cr);
          break;
        case OP_DOT:
          fw_color_set_source (&op->color, cr);
          cairo_arc (cr, op->x, op->y, op->w, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case OP_FLYWHEEL:
          cairo_save (cr);
          cairo_translate (cr, op->x, op->y);
          cairo_rectangle (cr, 0, 0, op->w, op->h);
          cairo_clip (cr);
          fw_flywheel_draw (op->flywheel, cr, -1);
          cairo_restore (cr);
          break;
        case OP_PORTFOLIO:
          cairo_save (cr);
          cairo_translate (cr, op->x, op->y);
          fw_portfolio_draw (self->chart, cr, -1);
          cairo_restore (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* TRANSLATORS: the footer of each page of the report */
  text = g_strdup_printf (_("%s — page %u of %u"), self->title, page + 1, self->pages->len);
  footer = report_make_layout (self, text, FALSE, SMALL - 0.5, FALSE, self->cw);
  pango_layout_set_ellipsize (footer, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_alignment (footer, PANGO_ALIGN_RIGHT);
  pango_layout_get_size (footer, &fw, &fh);
  fw_color_set_source (&self->style.dim, cr);
  cairo_move_to (cr, MARGIN_X, self->ph - MARGIN_BOT / 2 - (double) fh / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, footer);

  cairo_restore (cr);
}

/* Writing the PDF. */

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
fw_report_write (FwWorkbook             *workbook,
                 GFile                  *out,
                 const FwReportOptions  *options,
                 GCancellable           *cancellable,
                 FwReportProgress        progress,
                 gpointer                user_data,
                 GError                **error)
{
  g_autoptr(FwI18nScope) scope = NULL;
  g_autoptr(FwReport) report = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *created = NULL;
  g_autofree char *path = NULL;
  FwReportOptions defaults;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  GDateTime *date;
  const char *author, *product;
  double pw, ph;
  guint n;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      fw_report_options_init (&defaults);
      options = &defaults;
    }
  /* This thread only: another may be writing a report in another language. */
  if (options->language)
    scope = fw_i18n_scope_push (options->language);
  date = options->date ? options->date : (now = g_date_time_new_now_local ());
  fw_paper_get_size (options->paper, &pw, &ph);

  if (progress)
    progress (0.0, user_data);
  report = fw_report_new (workbook, pw, ph, date, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress)
    progress (0.3, user_data);

  data = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_cb, data, pw, ph);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  author = fw_workbook_get_text (workbook, FW_WORKBOOK_AUTHOR);
  if (author && *author)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  product = fw_workbook_get_text (workbook, FW_WORKBOOK_PRODUCT);
  if (product && *product)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, product);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Flywheel " PACKAGE_VERSION);
  utc = g_date_time_to_utc (date);
  created = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (surface);
  n = fw_report_get_n_pages (report);
  report->tagged = TRUE;
  cairo_tag_begin (cr, "Document", "");
  for (guint i = 0; i < n; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      fw_report_draw_page (report, cr, i);
      cairo_show_page (cr);
      if (progress)
        progress (0.3 + 0.6 * (i + 1) / n, user_data);
    }
  cairo_tag_end (cr, "Document");
  report->tagged = FALSE;
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (!g_cancellable_is_cancelled (cancellable))
    cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the report: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  /* Only now, with every byte made, does the destination change: atomically
   * for a local file, through GIO's replace for any other. */
  path = g_file_get_path (out);
  if (path)
    {
      g_autoptr(GError) local_error = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("Could not write “%s”: it is a folder"), path);
          return FALSE;
        }
      if (!g_file_set_contents_full (path, (const char *) data->data, data->len,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
        {
          /* In our words, naming @out: GLib's name the temporary file. */
          fw_file_error_set (error, local_error, path, TRUE);
          return FALSE;
        }
    }
  else if (!g_file_replace_contents (out, (const char *) data->data, data->len, NULL, FALSE,
                                     G_FILE_CREATE_NONE, NULL, cancellable, error))
    return FALSE;

  if (progress)
    progress (1.0, user_data);
  return TRUE;
}

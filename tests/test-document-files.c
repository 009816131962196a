/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-triage.h"
#include "fw-test-util.h"

/* The window's other file operations through FwDocument, without a display:
 * the portfolio chart and the report exported, a backlog read, dropped copies
 * peeked at, whether a file exists. Each writes or refuses as it should, and a
 * cancelled one answers G_IO_ERROR_CANCELLED. */

typedef struct
{
  char       *dir;
  char       *missing;      /* a folder that does not exist */
  FwDocument *document;     /* the English sample, not saved anywhere */
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(FwWorkbook) sample = fw_test_load_sample ("en");

  fx->dir = fw_test_make_temp_dir ();
  fx->missing = g_build_filename (fx->dir, "no-such-folder", NULL);
  fx->document = fw_document_new (sample, NULL);
  fw_document_set_autosave (fx->document, FALSE);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->document);
  fw_test_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->missing);
}

static GCancellable *
cancelled (void)
{
  GCancellable *cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  return cancellable;
}

/* The first bytes of the file at @path are @magic. */
static void
assert_magic (const char *path,
              const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, strlen (magic));
  g_assert_true (memcmp (contents, magic, strlen (magic)) == 0);
}

/* ------------------------------------------------------------------ portfolio */

static gboolean
export_portfolio (Fixture        *fx,
                  FwExportFormat  format,
                  const char     *path,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  FwExportOptions options;

  fw_export_options_init (&options, format);
  options.width = 600;
  options.height = 400;
  fw_document_export_portfolio_async (fx->document, &options, path, cancellable,
                                      fw_test_store_result, &result);
  return fw_document_export_portfolio_finish (fx->document, fw_test_wait_for (&result), error);
}

static void
test_export_portfolio (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *png = g_build_filename (fx->dir, "chart.png", NULL);
  g_autofree char *pdf = g_build_filename (fx->dir, "chart.pdf", NULL);
  g_autofree char *svg = g_build_filename (fx->dir, "chart.svg", NULL);
  g_autofree char *lost = g_build_filename (fx->missing, "chart.png", NULL);
  g_autofree char *never = g_build_filename (fx->dir, "never.png", NULL);
  g_autoptr(GCancellable) cancellable = cancelled ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (export_portfolio (fx, FW_EXPORT_PNG, png, NULL, &error));
  g_assert_no_error (error);
  assert_magic (png, "\x89PNG\r\n\x1a\n");
  /* The IHDR chunk's width and height, big-endian: the size asked for. */
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 600);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, 400);

  g_assert_true (export_portfolio (fx, FW_EXPORT_PDF, pdf, NULL, &error));
  g_assert_no_error (error);
  assert_magic (pdf, "%PDF-");
  g_assert_true (export_portfolio (fx, FW_EXPORT_SVG, svg, NULL, &error));
  g_assert_no_error (error);
  assert_magic (svg, "<?xml");

  g_assert_false (export_portfolio (fx, FW_EXPORT_PNG, lost, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_assert_false (g_file_test (fx->missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (export_portfolio (fx, FW_EXPORT_PNG, never, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------ report */

typedef struct
{
  GMutex   lock;
  GThread *main;
  guint    calls;
  guint    off_main;    /* calls from another thread than the caller's */
  double   last;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_mutex_lock (&progress->lock);
  progress->calls++;
  if (g_thread_self () != progress->main)
    progress->off_main++;
  progress->last = fraction;
  g_mutex_unlock (&progress->lock);
}

static gboolean
export_report (Fixture       *fx,
               const char    *path,
               const char    *language,
               Progress      *progress,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 12, 1, 9, 0, 0);
  FwReportOptions options;
  g_autofree char *lang = g_strdup (language);

  fw_report_options_init (&options);
  options.date = date;
  options.language = lang;
  fw_document_export_report_async (fx->document, out, &options,
                                   progress ? progress_cb : NULL, progress, cancellable,
                                   fw_test_store_result, &result);
  /* The options are the caller's: the export keeps copies. */
  g_clear_pointer (&lang, g_free);
  return fw_document_export_report_finish (fx->document, fw_test_wait_for (&result), error);
}

/* The PDF's text, whitespace removed (pdftotext breaks lines where the layout
 * did); NULL when pdftotext is not installed. */
static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  GString *squashed;
  int status;

  if (program == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  squashed = g_string_new (NULL);
  for (const char *p = out; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squashed, *p);
  return g_string_free (squashed, FALSE);
}

static void
test_export_report (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *en = g_build_filename (fx->dir, "report-en.pdf", NULL);
  g_autofree char *ja = g_build_filename (fx->dir, "report-ja.pdf", NULL);
  g_autofree char *lost = g_build_filename (fx->missing, "report.pdf", NULL);
  g_autofree char *never = g_build_filename (fx->dir, "never.pdf", NULL);
  g_autoptr(GCancellable) cancellable = cancelled ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text_en = NULL;
  g_autofree char *text_ja = NULL;
  Progress progress = { 0 };

  g_mutex_init (&progress.lock);
  progress.main = g_thread_self ();
  g_assert_true (export_report (fx, ja, "ja", &progress, NULL, &error));
  g_assert_no_error (error);
  assert_magic (ja, "%PDF-");
  /* Progress came from the worker, up to the end. */
  g_assert_cmpuint (progress.calls, >, 2);
  g_assert_cmpuint (progress.off_main, ==, progress.calls);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_mutex_clear (&progress.lock);
  /* Written in Japanese on the worker only: this thread still speaks English. */
  g_assert_cmpstr (fw_i18n_current_language (), ==, "en");

  g_assert_true (export_report (fx, en, "en", NULL, NULL, &error));
  g_assert_no_error (error);
  assert_magic (en, "%PDF-");

  text_ja = pdf_text (ja);
  text_en = pdf_text (en);
  if (text_ja && text_en)
    {
      g_assert_nonnull (strstr (text_ja, "重要度"));
      g_assert_null (strstr (text_ja, "Importance:"));
      g_assert_nonnull (strstr (text_en, "Importance:"));
      g_assert_null (strstr (text_en, "重要度"));
    }

  g_assert_false (export_report (fx, lost, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (fx->missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (export_report (fx, never, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
  if (text_ja == NULL || text_en == NULL)
    g_test_skip ("pdftotext is not installed: the languages were not read back");
}

/* ------------------------------------------------------------------ backlog */

static char *
read_backlog (Fixture       *fx,
              const char    *path,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  fw_document_read_backlog_async (fx->document, file, cancellable, fw_test_store_result, &result);
  return fw_document_read_backlog_finish (fx->document, fw_test_wait_for (&result), error);
}

static void
test_read_backlog (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *utf16 = g_build_filename (fx->dir, "backlog.txt", NULL);
  g_autofree char *binary = g_build_filename (fx->dir, "image.txt", NULL);
  g_autofree char *lost = g_build_filename (fx->missing, "backlog.txt", NULL);
  /* "予測したい\n" in UTF-16LE with its byte-order mark. */
  static const char utf16_bytes[] = "\xff\xfe\x88\x4e\x2c\x6e\x57\x30\x5f\x30\x44\x30\x0a\x00";
  g_autoptr(GCancellable) cancellable = cancelled ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (utf16, utf16_bytes, sizeof utf16_bytes - 1, NULL));
  g_assert_true (g_file_set_contents (binary, "\x89PNG\r\n\x1a\n\0\0", 10, NULL));

  text = read_backlog (fx, utf16, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "予測したい\n");

  g_assert_null (read_backlog (fx, binary, NULL, &error));
  g_assert_error (error, FW_TRIAGE_ERROR, FW_TRIAGE_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "image.txt"));
  g_clear_error (&error);

  g_assert_null (read_backlog (fx, lost, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "backlog.txt"));
  g_clear_error (&error);

  g_assert_null (read_backlog (fx, utf16, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ------------------------------------------------------------------ copies */

static gboolean
peek (Fixture       *fx,
      GFile * const *files,
      guint          n_files,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  fw_document_peek_copies_async (fx->document, files, n_files, cancellable, fw_test_store_result,
                                 &result);
  return fw_document_peek_copies_finish (fx->document, fw_test_wait_for (&result), error);
}

static GFile *
save_in (Fixture    *fx,
         FwWorkbook *workbook,
         const char *name)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (fw_workbook_save (workbook, file, NULL, &error));
  g_assert_no_error (error);
  return file;
}

static void
test_peek_copies (Fixture       *fx,
                  gconstpointer  data)
{
  FwWorkbook *ours = fw_document_get_workbook (fx->document);
  g_autoptr(FwWorkbook) other = fw_workbook_new ();
  g_autoptr(GCancellable) cancellable = cancelled ();
  g_autoptr(GError) error = NULL;
  g_autofree char *lost_path = g_build_filename (fx->missing, "lost.flywheel", NULL);
  GFile *files[3];

  fw_workbook_ensure_id (ours);
  fw_workbook_ensure_id (other);
  fw_document_set_modified (fx->document, FALSE);
  g_assert_cmpstr (fw_workbook_get_id (ours), !=, fw_workbook_get_id (other));
  files[0] = save_in (fx, ours, "ann.flywheel");
  files[1] = save_in (fx, ours, "ben.flywheel");
  files[2] = save_in (fx, other, "other.flywheel");

  g_assert_true (peek (fx, files, 2, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (peek (fx, files, 3, NULL, &error));
  g_assert_error (error, FW_COLLECT_ERROR, FW_COLLECT_ERROR_OTHER_WORKBOOK);
  g_assert_nonnull (strstr (error->message, "other.flywheel"));
  g_clear_error (&error);

  g_clear_object (&files[1]);
  files[1] = g_file_new_for_path (lost_path);
  g_assert_false (peek (fx, files, 2, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (peek (fx, files, 1, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Nothing was taken in. */
  g_assert_false (fw_document_get_modified (fx->document));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

/* ------------------------------------------------------------------ existence */

static gboolean
query_exists (Fixture       *fx,
              const char    *path,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  fw_document_query_exists_async (fx->document, file, cancellable, fw_test_store_result, &result);
  return fw_document_query_exists_finish (fx->document, fw_test_wait_for (&result), error);
}

static void
test_query_exists (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *there = g_build_filename (fx->dir, "plan.flywheel", NULL);
  g_autofree char *absent = g_build_filename (fx->dir, "plan 2.flywheel", NULL);
  g_autoptr(GCancellable) cancellable = cancelled ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (there, "{}", -1, NULL));
  g_assert_true (query_exists (fx, there, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (query_exists (fx, absent, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (query_exists (fx, there, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts = NULL;
  g_autofree char *versions = NULL;
  int status;

  fw_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  /* Before any thread starts: nothing here is written to the user's folders. */
  drafts = g_dir_make_tmp ("fw-document-files-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  versions = g_dir_make_tmp ("fw-document-files-versions-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("FLYWHEEL_DRAFTS_DIR", drafts, TRUE);
  g_setenv ("FLYWHEEL_VERSIONS_DIR", versions, TRUE);

#define ADD(path, fn) \
  g_test_add ("/document-files/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("export-portfolio", test_export_portfolio);
  ADD ("export-report", test_export_report);
  ADD ("read-backlog", test_read_backlog);
  ADD ("peek-copies", test_peek_copies);
  ADD ("query-exists", test_query_exists);
#undef ADD
  status = g_test_run ();
  fw_test_remove_tree (drafts);
  fw_test_remove_tree (versions);
  return status;
}

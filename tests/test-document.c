/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "fw-core.h"
#include "fw-test-util.h"
#include "fw-xlsx.h"
#include "fw-test-team.h"

/* FwDocument without a display: everything a window does to a file. */

typedef struct
{
  char  *dir;
  GFile *file;
} Fixture;

/* One folder of drafts for the program (set before any thread starts),
 * emptied after each test. */
static char *drafts_dir;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) sample = fw_test_load_sample ("en");
  g_autofree char *path = NULL;

  fx->dir = g_dir_make_tmp ("fw-document-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "plan.flywheel", NULL);
  fx->file = g_file_new_for_path (path);
  g_assert_true (fw_workbook_save (sample, fx->file, NULL, &error));
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  fw_drafts_wait ();
  fw_test_remove_tree (fx->dir);
  g_free (fx->dir);
  g_clear_object (&fx->file);
  d = g_dir_open (drafts_dir, 0, NULL);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (drafts_dir, name, NULL);
      g_remove (path);
    }
}

static void
load (FwDocument *document)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fw_document_load_async (document, NULL, fw_test_store_result, &result);
  g_assert_true (fw_document_get_busy (document));
  g_assert_true (fw_document_load_finish (document, fw_test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_false (fw_document_get_busy (document));
}

static gboolean
save (FwDocument           *document,
      GFile                *file,
      FwDocumentSaveFlags   flags,
      GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  fw_document_save_async (document, file, flags, NULL, fw_test_store_result, &result);
  return fw_document_save_finish (document, fw_test_wait_for (&result), error);
}

/* Another program writes the file; mtime-based etags need the clock to move. */
static void
write_behind_our_back (GFile      *file,
                       const char *title)
{
  g_autoptr(FwWorkbook) other = fw_test_load_sample ("en");
  g_autoptr(GError) error = NULL;

  g_usleep (1100 * 1000);
  fw_workbook_set_title (other, title);
  g_assert_true (fw_workbook_save (other, file, NULL, &error));
}

static void
test_load (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  g_autoptr(FwWorkbook) sample = fw_test_load_sample ("en");
  FwWorkbook *workbook = fw_document_get_workbook (document);

  load (document);
  /* The same workbook object, now with the file's contents. */
  g_assert_true (fw_document_get_workbook (document) == workbook);
  g_assert_true (fw_workbook_equal (workbook, sample));
  g_assert_false (fw_document_get_modified (document));
  g_assert_false (fw_document_get_read_only (document));
  g_assert_nonnull (fw_document_get_etag (document));
  g_assert_true (g_file_equal (fw_document_get_file (document), fx->file));
  {
    g_autofree char *name = fw_document_dup_display_name (document);
    g_assert_cmpstr (name, ==, "plan.flywheel");
  }

  /* An edit makes it modified. */
  fw_idea_set_title (fw_workbook_get_idea (workbook, 0), "edited");
  g_assert_true (fw_document_get_modified (document));
}

/* Saved with no change, the file keeps its modified time (the bundled sample
 * opened and saved is the same file); after an edit the time moves. */
static void
test_save_unchanged (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *edited = NULL;
  FwWorkbook *workbook;

  load (document);
  workbook = fw_document_get_workbook (document);
  fw_workbook_set_text (workbook, FW_WORKBOOK_MODIFIED, "2020-01-01T00:00:00Z");
  fw_document_set_modified (document, FALSE);
  g_assert_true (save (document, fx->file, FW_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (g_file_peek_path (fx->file), &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "2020-01-01T00:00:00Z"));

  fw_idea_set_title (fw_workbook_get_idea (workbook, 0), "edited");
  g_assert_true (save (document, fx->file, FW_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_true (g_file_get_contents (g_file_peek_path (fx->file), &edited, NULL, NULL));
  g_assert_null (strstr (edited, "2020-01-01T00:00:00Z"));
}

/* Imported into a new, empty workbook, a sheet gives it its title and the id of
 * the workbook it was exported from; into a workbook with ideas, neither. */
static void
test_import_into_empty (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(FwDocument) empty = fw_document_new (NULL, NULL);
  g_autoptr(FwWorkbook) sample = fw_test_load_sample ("en");
  g_autoptr(FwWorkbook) other = fw_test_load_sample ("ja");
  g_autoptr(FwDocument) full = fw_document_new (other, NULL);
  g_autofree char *other_title = g_strdup (fw_workbook_get_title (other));

  fw_workbook_set_id (sample, "11111111-2222-4333-8444-555555555555");
  fw_document_merge_imported (empty, sample);
  g_assert_cmpstr (fw_workbook_get_title (fw_document_get_workbook (empty)), ==,
                   fw_workbook_get_title (sample));
  g_assert_cmpstr (fw_workbook_get_id (fw_document_get_workbook (empty)), ==,
                   "11111111-2222-4333-8444-555555555555");

  fw_document_merge_imported (full, sample);
  g_assert_cmpstr (fw_workbook_get_title (other), ==, other_title);
  g_assert_cmpstr (fw_workbook_get_id (other), !=, "11111111-2222-4333-8444-555555555555");
}

/* Collecting a member's copy made before the PM deleted an idea: the document
 * finds the version the copy was made from, so the deleted idea is left out (and
 * said so), not offered again. */
static void
test_collect_deleted_since (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  g_autoptr(FwWorkbook) bens = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FwCollect) collect = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "ben.flywheel", NULL);
  g_autoptr(GFile) ben_file = g_file_new_for_path (path);
  g_autofree char *deleted_title = NULL;
  g_autofree char *deleted_id = NULL;
  FwWorkbook *workbook;
  GFile *files[1];

  load (document);
  workbook = fw_document_get_workbook (document);
  /* Ben's copy of the file as handed out, with his assessment. */
  bens = fw_workbook_load (fx->file, NULL, &error);
  g_assert_no_error (error);
  fw_test_member_assess (bens, fw_workbook_get_idea (bens, 0), "Ben", FW_ROLE_ENGINEER, "hhhh");
  g_assert_true (fw_workbook_save (bens, ben_file, NULL, &error));

  /* Then the PM deletes an idea and saves. */
  deleted_title = fw_idea_dup_display_title (fw_workbook_get_idea (workbook, 1));
  deleted_id = g_strdup (fw_idea_get_id (fw_workbook_get_idea (workbook, 1)));
  fw_workbook_remove_idea (workbook, 1);
  g_assert_true (save (document, NULL, FW_DOCUMENT_SAVE_DEFAULT, &error));

  files[0] = ben_file;
  fw_document_collect_async (document, files, 1, NULL, fw_test_store_result, &result);
  collect = fw_document_collect_finish (document, fw_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (collect);
  g_assert_cmpuint (fw_collect_get_n_new_ideas (collect), ==, 0);
  g_assert_cmpstr (fw_collect_get_left_out (collect)[0], ==, deleted_title);
  g_assert_null (fw_workbook_find_idea (workbook, deleted_id, NULL));
  g_assert_nonnull (fw_idea_find_assessment (fw_workbook_get_idea (workbook, 0),
                                             "member-Ben", NULL));
}

/* A file that cannot be read: an error naming it, and the document forgets the
 * file so nothing overwrites it. */
static void
test_load_bad_file (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "broken.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "{\"format\": ", -1, NULL));
  document = fw_document_new (NULL, file);
  fw_document_load_async (document, NULL, fw_test_store_result, &result);
  g_assert_false (fw_document_load_finish (document, fw_test_wait_for (&result), &error));
  g_assert_error (error, FW_WORKBOOK_ERROR, FW_WORKBOOK_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "broken.flywheel"));
  g_assert_null (fw_document_get_file (document));
  g_assert_cmpuint (fw_workbook_get_n_ideas (fw_document_get_workbook (document)), ==, 0);
}

static void
test_load_cancelled (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  fw_document_load_async (document, cancellable, fw_test_store_result, &result);
  g_assert_false (fw_document_load_finish (document, fw_test_wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Cancelling is not a failure of the file: it stays the document's. */
  g_assert_true (g_file_equal (fw_document_get_file (document), fx->file));
  g_assert_cmpuint (fw_workbook_get_n_ideas (fw_document_get_workbook (document)), ==, 0);
  g_assert_false (fw_document_get_busy (document));
}

/* Save, reload and import cancelled before they start: each returns CANCELLED
 * and changes nothing — the file on disk, the workbook shown, the modified state. */
static void
test_cancelled_operations (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sheet = g_build_filename (fx->dir, "sheet.csv", NULL);
  g_autoptr(GFile) sheet_file = g_file_new_for_path (sheet);
  FwWorkbook *workbook;

  load (document);
  workbook = fw_document_get_workbook (document);
  g_assert_true (g_file_get_contents (g_file_peek_path (fx->file), &before, NULL, NULL));
  fw_idea_set_title (fw_workbook_get_idea (workbook, 0), "edited");
  g_cancellable_cancel (cancellable);

  {
    g_autoptr(GAsyncResult) result = NULL;

    fw_document_save_async (document, fx->file, FW_DOCUMENT_SAVE_DEFAULT, cancellable,
                            fw_test_store_result, &result);
    g_assert_false (fw_document_save_finish (document, fw_test_wait_for (&result), &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
  g_assert_true (g_file_get_contents (g_file_peek_path (fx->file), &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (fw_document_get_modified (document));

  {
    g_autoptr(GAsyncResult) result = NULL;

    fw_document_reload_async (document, cancellable, fw_test_store_result, &result);
    g_assert_false (fw_document_reload_finish (document, fw_test_wait_for (&result), &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
  g_assert_cmpstr (fw_idea_get_title (fw_workbook_get_idea (workbook, 0)), ==, "edited");
  g_assert_true (fw_document_get_modified (document));

  g_assert_true (g_file_set_contents (sheet, "No,事例\n1,x\n", -1, NULL));
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(FwWorkbook) imported = NULL;

    fw_document_import_async (document, sheet_file, cancellable, fw_test_store_result, &result);
    imported = fw_document_import_finish (document, fw_test_wait_for (&result), NULL, &error);
    g_assert_null (imported);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
  g_assert_false (fw_document_get_busy (document));
  fw_document_set_modified (document, FALSE);
}

/* Saving over a file another program changed is refused with WRONG_ETAG and
 * leaves their version; with OVERWRITE it writes ours. */
static void
test_save_conflict (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  g_autoptr(GError) error = NULL;
  FwWorkbook *workbook = fw_document_get_workbook (document);

  load (document);
  write_behind_our_back (fx->file, "theirs");
  fw_workbook_set_title (workbook, "mine");
  g_assert_false (save (document, NULL, FW_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_assert_true (fw_document_get_modified (document));
  {
    g_autoptr(FwWorkbook) on_disk = fw_workbook_load (fx->file, NULL, &error);
    g_assert_cmpstr (fw_workbook_get_title (on_disk), ==, "theirs");
  }

  g_assert_true (save (document, NULL, FW_DOCUMENT_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  g_assert_false (fw_document_get_modified (document));
  {
    g_autoptr(FwWorkbook) on_disk = fw_workbook_load (fx->file, NULL, &error);
    g_assert_cmpstr (fw_workbook_get_title (on_disk), ==, "mine");
  }
  /* And the next save, over our own version, needs no question. */
  fw_workbook_set_title (workbook, "mine again");
  g_assert_true (save (document, NULL, FW_DOCUMENT_SAVE_DEFAULT, &error));
}

static void
changed_on_disk_cb (FwDocument *document,
                    guint      *count)
{
  (*count)++;
}

/* Another program's change is signalled, our own save is not; Keep Mine stops
 * the signal for that version, and saving over it still asks. */
static void
test_external_change (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  g_autoptr(GError) error = NULL;
  guint count = 0;
  gint64 end;

  load (document);
  g_signal_connect (document, "changed-on-disk", G_CALLBACK (changed_on_disk_cb), &count);

  fw_workbook_set_title (fw_document_get_workbook (document), "ours");
  g_assert_true (save (document, NULL, FW_DOCUMENT_SAVE_DEFAULT, &error));
  end = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (count, ==, 0);

  write_behind_our_back (fx->file, "theirs");
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (count == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (count, >=, 1);

  fw_document_keep_mine (document);
  g_assert_true (fw_document_get_modified (document));
  g_assert_false (save (document, NULL, FW_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);

  /* Reload takes theirs and is unmodified. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    fw_document_reload_async (document, NULL, fw_test_store_result, &result);
    g_assert_true (fw_document_reload_finish (document, fw_test_wait_for (&result), &error));
    g_assert_cmpstr (fw_workbook_get_title (fw_document_get_workbook (document)), ==, "theirs");
    g_assert_false (fw_document_get_modified (document));
  }
}

/* A file the user may not write opens read-only (run as an ordinary user: root
 * may write anything, so the check drops to "nobody" in a subprocess). */
static void
test_read_only (Fixture       *fx,
                gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("FW_TEST_READ_ONLY_FILE");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(FwDocument) document = NULL;

      if (geteuid () == 0)
        g_assert_cmpint (setuid (65534), ==, 0);
      document = fw_document_new (NULL, file);
      load (document);
      g_assert_true (fw_document_get_read_only (document));
      return;
    }
  {
    g_autofree char *path = g_file_get_path (fx->file);

    g_assert_cmpint (g_chmod (fx->dir, 0755), ==, 0);
    g_assert_cmpint (g_chmod (path, 0444), ==, 0);
    g_setenv ("FW_TEST_READ_ONLY_FILE", path, TRUE);  /* before the subprocess starts */
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();
    g_chmod (path, 0644);
  }
}

static guint
n_drafts (void)
{
  g_autoptr(GPtrArray) list = NULL;

  fw_drafts_wait ();
  list = fw_drafts_list ();
  return list->len;
}

/* A change is drafted within a second or two; saving removes the draft; a
 * change made while the save ran keeps the document modified. */
static void
test_drafts (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  g_autoptr(GError) error = NULL;
  FwWorkbook *workbook = fw_document_get_workbook (document);
  gint64 end;

  load (document);
  g_assert_cmpuint (n_drafts (), ==, 0);
  fw_idea_set_why (fw_workbook_get_idea (workbook, 1), FW_STAGE_DATA, "drafted");
  end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (n_drafts () == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_drafts (), ==, 1);
  {
    g_autoptr(GFile) original = NULL;
    g_autoptr(FwWorkbook) drafted = fw_draft_load (fw_document_get_draft_id (document),
                                                   &original, &error);

    g_assert_no_error (error);
    g_assert_true (g_file_equal (original, fx->file));
    g_assert_cmpstr (fw_idea_get_why (fw_workbook_get_idea (drafted, 1), FW_STAGE_DATA), ==,
                     "drafted");
  }

  g_assert_true (save (document, NULL, FW_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_cmpuint (n_drafts (), ==, 0);
  g_assert_false (fw_document_get_modified (document));

  /* Edited while the save runs. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    fw_idea_set_title (fw_workbook_get_idea (workbook, 0), "first");
    fw_document_save_async (document, NULL, FW_DOCUMENT_SAVE_DEFAULT, NULL, fw_test_store_result,
                            &result);
    fw_idea_set_title (fw_workbook_get_idea (workbook, 0), "second");
    g_assert_true (fw_document_save_finish (document, fw_test_wait_for (&result), &error));
    g_assert_true (fw_document_get_modified (document));
  }

  /* Discarded: the draft goes. */
  fw_document_flush_draft (document);
  g_assert_cmpuint (n_drafts (), ==, 1);
  fw_document_discard_draft (document);
  g_assert_cmpuint (n_drafts (), ==, 0);

  /* Autosave off: no draft at all. */
  fw_document_set_autosave (document, FALSE);
  fw_idea_set_title (fw_workbook_get_idea (workbook, 0), "third");
  end = g_get_monotonic_time () + 1500 * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_drafts (), ==, 0);
}

/* A failed save names the file, keeps the edits and drafts them. */
static void
test_save_failure (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  g_autofree char *path = g_build_filename (fx->dir, "no-such-folder", "x.flywheel", NULL);
  g_autoptr(GFile) nowhere = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  load (document);
  fw_workbook_set_title (fw_document_get_workbook (document), "kept");
  g_assert_false (save (document, nowhere, FW_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "x.flywheel"));
  g_assert_null (strstr (error->message, ".goutputstream"));
  g_assert_true (fw_document_get_modified (document));
  g_assert_true (g_file_equal (fw_document_get_file (document), fx->file));
  g_assert_cmpuint (n_drafts (), ==, 1);
}

/* A recovered draft waits for the file being read, then replaces it. */
static void
test_recover_while_loading (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  g_autoptr(FwWorkbook) recovered = fw_test_load_sample ("en");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fw_workbook_set_title (recovered, "recovered");
  fw_document_load_async (document, NULL, fw_test_store_result, &result);
  fw_document_recover (document, recovered, "3d1f6b36-2f7f-4c59-8c1e-8b8f7c1e0d2a");
  g_assert_true (fw_document_load_finish (document, fw_test_wait_for (&result), &error));
  g_assert_cmpstr (fw_workbook_get_title (fw_document_get_workbook (document)), ==, "recovered");
  g_assert_true (fw_document_get_modified (document));
  g_assert_cmpstr (fw_document_get_draft_id (document), ==,
                   "3d1f6b36-2f7f-4c59-8c1e-8b8f7c1e0d2a");
  g_assert_nonnull (fw_document_get_etag (document));
}

/* A worksheet is read on a worker and merged by id: twice is once. */
static void
test_import_into (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "worksheet", "real-2023.csv",
                                                 NULL);
  g_autoptr(GFile) sheet = g_file_new_for_path (path);
  guint ideas, cases;

  load (document);
  ideas = fw_workbook_get_n_ideas (fw_document_get_workbook (document));
  cases = fw_workbook_get_n_cases (fw_document_get_workbook (document));
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(FwImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(FwWorkbook) imported = NULL;

      fw_document_import_async (document, sheet, NULL, fw_test_store_result, &result);
      imported = fw_document_import_finish (document, fw_test_wait_for (&result), &report, &error);
      g_assert_no_error (error);
      g_assert_nonnull (report);
      g_assert_cmpuint (report->n_ideas, ==, 1);
      fw_document_merge_imported (document, imported);
      g_assert_cmpuint (fw_workbook_get_n_ideas (fw_document_get_workbook (document)), ==,
                        ideas + 1);
      g_assert_cmpuint (fw_workbook_get_n_cases (fw_document_get_workbook (document)), ==,
                        cases + 1);
    }

  /* Not a worksheet: refused with the file's name. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    fw_document_import_async (document, fx->file, NULL, fw_test_store_result, &result);
    g_assert_null (fw_document_import_finish (document, fw_test_wait_for (&result), NULL, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "plan.flywheel"));
  }
}

/* An Excel workbook imports through the same call: the Japanese sample's XLSX
 * gives back its ideas; a password-protected one is refused, naming it. */
static void
test_import_xlsx (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  g_autoptr(FwWorkbook) sample = fw_test_load_sample ("ja");
  g_autofree char *path = g_build_filename (fx->dir, "宿題.xlsx", NULL);
  g_autofree char *locked_path = g_build_filename (fx->dir, "locked.xlsx", NULL);
  static const guint8 ole[512] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
  g_autoptr(GFile) sheet = g_file_new_for_path (path);
  g_autoptr(GFile) locked = g_file_new_for_path (locked_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FwImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) imported = NULL;

  load (document);
  g_assert_true (fw_worksheet_export_xlsx (sample, path, FW_WORKSHEET_EXPORT_DEFAULT, &error));
  g_assert_no_error (error);
  fw_document_import_async (document, sheet, NULL, fw_test_store_result, &result);
  imported = fw_document_import_finish (document, fw_test_wait_for (&result), &report, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->encoding, ==, "XLSX");
  g_assert_cmpuint (fw_workbook_get_n_ideas (imported), ==, fw_workbook_get_n_ideas (sample));
  for (guint i = 0; i < fw_workbook_get_n_ideas (sample); i++)
    {
      FwIdea *want = fw_workbook_get_idea (sample, i);
      FwIdea *got = fw_workbook_find_idea (imported, fw_idea_get_id (want), NULL);

      g_assert_nonnull (got);
      g_assert_true (fw_idea_equal (got, want));
    }

  g_assert_true (g_file_set_contents (locked_path, (const char *) ole, sizeof ole, NULL));
  g_clear_object (&result);
  fw_document_import_async (document, locked, NULL, fw_test_store_result, &result);
  g_assert_null (fw_document_import_finish (document, fw_test_wait_for (&result), NULL, &error));
  g_assert_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_XLSX);
  g_assert_true (g_str_has_prefix (error->message, "locked.xlsx: "));
  g_assert_nonnull (strstr (error->message, "password-protected"));
}

/* A worksheet whose ideas the team assessed merges with its members, and the
 * merged workbook saves and loads again. */
static void
test_import_team (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(FwWorkbook) team = fw_test_load_sample ("en");
  g_autoptr(FwDocument) document = fw_document_new (NULL, NULL);
  g_autoptr(FwWorkbook) imported = NULL;
  g_autoptr(FwWorkbook) again = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  fw_test_member_assess (team, fw_workbook_get_idea (team, 0), "Aiko", FW_ROLE_ENGINEER, "hhhh");
  csv = fw_worksheet_export_csv (team, FW_WORKSHEET_EXPORT_DEFAULT);
  imported = fw_worksheet_import (csv, "team.csv", NULL, &error);
  g_assert_no_error (error);
  fw_document_merge_imported (document, imported);
  g_assert_nonnull (fw_workbook_find_member (fw_document_get_workbook (document), "member-Aiko",
                                             NULL));
  bytes = fw_workbook_to_bytes (fw_document_get_workbook (document));
  again = fw_workbook_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      "merged.flywheel", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_idea_get_n_assessments (fw_workbook_get_idea (again, 0)), ==, 1);
}

static void
test_duplicate_idea (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  FwWorkbook *workbook;
  FwIdea *idea, *copy;

  load (document);
  workbook = fw_document_get_workbook (document);
  idea = fw_workbook_get_idea (workbook, 0);
  copy = fw_document_duplicate_idea (document, idea);
  g_assert_nonnull (copy);
  g_assert_true (fw_workbook_get_idea (workbook, 1) == copy);
  g_assert_cmpstr (fw_idea_get_id (copy), !=, fw_idea_get_id (idea));
  g_assert_true (g_uuid_string_is_valid (fw_idea_get_id (copy)));
  g_assert_true (g_str_has_suffix (fw_idea_get_title (copy), " (copy)"));
  g_assert_cmpstr (fw_idea_get_why (copy, FW_STAGE_MODEL), ==,
                   fw_idea_get_why (idea, FW_STAGE_MODEL));
}

/* Exports write on a worker: the diagram of an idea, the worksheet as CSV
 * (which imports back to the same ideas) and as XLSX. */
static void
test_exports (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  g_autofree char *png = g_build_filename (fx->dir, "idea.png", NULL);
  g_autofree char *csv = g_build_filename (fx->dir, "sheet.csv", NULL);
  g_autofree char *xlsx = g_build_filename (fx->dir, "sheet.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  FwExportOptions options;
  FwWorkbook *workbook;

  load (document);
  workbook = fw_document_get_workbook (document);
  fw_export_options_init (&options, FW_EXPORT_PNG);
  options.width = 400;
  options.height = 300;
  {
    g_autoptr(GAsyncResult) result = NULL;

    fw_document_export_diagram_async (document,
                                      fw_flywheel_input_new_for_idea (
                                        fw_workbook_get_idea (workbook, 0)),
                                      &options, png, NULL, fw_test_store_result, &result);
    g_assert_true (fw_document_export_diagram_finish (document, fw_test_wait_for (&result),
                                                      &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_true (length > 8 && memcmp (contents, "\x89PNG", 4) == 0);

  for (guint kind = 0; kind < 2; kind++)
    {
      g_autoptr(GAsyncResult) result = NULL;

      fw_document_export_worksheet_async (document, kind ? xlsx : csv, kind == 0,
                                          FW_WORKSHEET_EXPORT_DEFAULT, NULL, fw_test_store_result,
                                          &result);
      g_assert_true (fw_document_export_worksheet_finish (document, fw_test_wait_for (&result),
                                                          &error));
      g_assert_no_error (error);
    }
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GFile) sheet = g_file_new_for_path (csv);
    g_autoptr(FwWorkbook) back = NULL;

    fw_document_import_async (document, sheet, NULL, fw_test_store_result, &result);
    back = fw_document_import_finish (document, fw_test_wait_for (&result), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (fw_workbook_get_n_ideas (back), ==, fw_workbook_get_n_ideas (workbook));
    g_assert_cmpstr (fw_idea_get_id (fw_workbook_get_idea (back, 0)), ==,
                     fw_idea_get_id (fw_workbook_get_idea (workbook, 0)));
  }
}

/* Two saves asked for at once run one after the other: the file ends with the
 * newer contents, and only then is the document unmodified. */
static void
test_saves_in_order (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(FwDocument) document = fw_document_new (NULL, fx->file);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  FwWorkbook *workbook;

  load (document);
  workbook = fw_document_get_workbook (document);
  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *older = g_strdup_printf ("older %u", round);
      g_autofree char *newer = g_strdup_printf ("newer %u", round);

      g_clear_object (&first);
      g_clear_object (&second);
      fw_workbook_set_title (workbook, older);
      fw_document_save_async (document, NULL, FW_DOCUMENT_SAVE_DEFAULT, NULL, fw_test_store_result,
                              &first);
      fw_workbook_set_title (workbook, newer);
      fw_document_save_async (document, NULL, FW_DOCUMENT_SAVE_DEFAULT, NULL, fw_test_store_result,
                              &second);
      g_assert_true (fw_document_save_finish (document, fw_test_wait_for (&first), &error));
      g_assert_no_error (error);
      /* The first is done, the second not yet: still modified. */
      g_assert_true (second != NULL || fw_document_get_modified (document));
      g_assert_true (fw_document_save_finish (document, fw_test_wait_for (&second), &error));
      g_assert_no_error (error);
      g_assert_false (fw_document_get_modified (document));
      {
        g_autoptr(FwWorkbook) on_disk = fw_workbook_load (fx->file, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (fw_workbook_get_title (on_disk), ==, newer);
      }
    }
}

/* The pieces a save writes are the bytes of the file, before and after edits
 * (an edited idea's text is made again, the others shared). */
static void
test_pieces (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GBytes) bytes = fw_workbook_to_bytes (workbook);
      g_autoptr(GPtrArray) pieces = fw_workbook_to_pieces (workbook);
      g_autoptr(GByteArray) joined = g_byte_array_new ();

      g_assert_cmpuint (pieces->len, >, fw_workbook_get_n_ideas (workbook));
      for (guint i = 0; i < pieces->len; i++)
        {
          GBytes *piece = g_ptr_array_index (pieces, i);
          g_byte_array_append (joined, g_bytes_get_data (piece, NULL), g_bytes_get_size (piece));
        }
      g_assert_cmpmem (joined->data, joined->len, g_bytes_get_data (bytes, NULL),
                       g_bytes_get_size (bytes));
      fw_idea_set_why (fw_workbook_get_idea (workbook, round), FW_STAGE_DATA, "changed");
    }
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir))
    n++;
  return n;
}

/* A sync client's conflicted copy beside the file is found as the file is read;
 * reading it finds the version both came from (kept when the file was read), so
 * the merge is three-way: the copy's change and this side's both stay, with no
 * conflict. A copy of another workbook is refused and changes nothing. */
static void
test_merge_copy (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(FwWorkbook) theirs_edit = fw_test_load_sample ("en");
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FwWorkbook) base = NULL;
  g_autoptr(FwWorkbook) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (fx->dir,
                                                 "plan (Aiko's conflicted copy 2026-12-01).flywheel",
                                                 NULL);
  g_autofree char *identity = NULL;
  g_autofree char *versions = NULL;
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  FwWorkbook *workbook;
  GPtrArray *conflicted;
  guint n_conflicts = 99;

  fw_idea_set_evidence (fw_workbook_get_idea (theirs_edit, 0), FW_STAGE_DATA,
                        FW_EVIDENCE_TEST_RESULTS);
  g_assert_true (fw_workbook_save (theirs_edit, copy, NULL, &error));

  /* The other tests kept versions of the same sample: from nothing here. */
  identity = fw_workbook_dup_identity (theirs_edit);
  versions = g_build_filename (g_getenv ("FLYWHEEL_VERSIONS_DIR"), identity, NULL);
  fw_test_remove_tree (versions);
  document = fw_document_new (NULL, fx->file);
  load (document);
  workbook = fw_document_get_workbook (document);
  g_assert_cmpuint (count_files (versions), ==, 1);
  conflicted = fw_document_get_conflicted_copies (document);
  g_assert_cmpuint (conflicted->len, ==, 1);
  g_assert_true (g_file_equal (conflicted->pdata[0], copy));

  fw_idea_set_title (fw_workbook_get_idea (workbook, 1), "Renamed here");
  fw_document_read_copy_async (document, copy, NULL, fw_test_store_result, &result);
  theirs = fw_document_read_copy_finish (document, fw_test_wait_for (&result), &base, &error);
  g_assert_no_error (error);
  g_assert_nonnull (theirs);
  g_assert_nonnull (base);
  /* The copy's version is kept too, for the next merge. */
  g_assert_cmpuint (count_files (versions), ==, 2);

  g_assert_true (fw_document_merge_copy (document, base, theirs, "Aiko", &n_conflicts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_conflicts, ==, 0);
  g_assert_cmpint (fw_idea_get_evidence (fw_workbook_get_idea (workbook, 0), FW_STAGE_DATA), ==,
                   FW_EVIDENCE_TEST_RESULTS);
  g_assert_cmpstr (fw_idea_get_title (fw_workbook_get_idea (workbook, 1)), ==, "Renamed here");
  g_assert_true (fw_document_get_modified (document));

  /* Without the base every difference is a choice. */
  g_assert_true (fw_document_merge_copy (document, NULL, theirs, "Aiko", &n_conflicts, &error));
  g_assert_cmpuint (n_conflicts, ==, 1);
  g_assert_cmpuint (fw_workbook_count_conflicts (workbook), ==, 1);

  /* Another workbook's copy: refused, nothing changes. */
  {
    g_autoptr(FwWorkbook) other = fw_workbook_new ();
    g_autoptr(GBytes) before = fw_workbook_to_bytes (workbook);
    g_autoptr(GBytes) after = NULL;

    fw_workbook_set_id (other, "22222222-2222-4222-8222-222222222222");
    fw_workbook_set_id (workbook, "11111111-1111-4111-8111-111111111111");
    g_clear_pointer (&before, g_bytes_unref);
    before = fw_workbook_to_bytes (workbook);
    g_assert_false (fw_document_merge_copy (document, NULL, other, "x", &n_conflicts, &error));
    g_assert_error (error, FW_MERGE_ERROR, FW_MERGE_ERROR_OTHER_WORKBOOK);
    after = fw_workbook_to_bytes (workbook);
    g_assert_true (g_bytes_equal (before, after));
  }
  fw_test_remove_tree (versions);
}

static FwWorkbook *
read_copy (FwDocument  *document,
           GFile       *copy,
           FwWorkbook **base)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FwWorkbook *theirs;

  fw_document_read_copy_async (document, copy, NULL, fw_test_store_result, &result);
  theirs = fw_document_read_copy_finish (document, fw_test_wait_for (&result), base, &error);
  g_assert_no_error (error);
  return theirs;
}

/* The base is found by this side's history, not by nearness alone: a member's copy
 * looked at before (so kept) and this side's later save are as near as the version
 * the copy came from, yet only that one is its base. After the copy is merged and
 * saved, the member's next copy is merged from the first. */
static void
test_merge_base_history (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(FwWorkbook) original = fw_test_load_sample ("en");
  g_autoptr(FwWorkbook) bens = fw_test_load_sample ("en");
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "ben.flywheel", NULL);
  g_autoptr(GFile) ben_file = g_file_new_for_path (path);
  FwWorkbook *workbook;
  guint n_conflicts = 99;

  fw_idea_set_priority (fw_workbook_get_idea (bens, 0), FW_PRIORITY_URGENCY, FW_LEVEL_LOW);
  g_assert_true (fw_workbook_save (bens, ben_file, NULL, &error));

  document = fw_document_new (NULL, fx->file);
  load (document);
  workbook = fw_document_get_workbook (document);
  {
    /* Looked at once: Ben's copy is kept now too. */
    g_autoptr(FwWorkbook) base = NULL;
    g_autoptr(FwWorkbook) theirs = read_copy (document, ben_file, &base);
  }
  g_usleep (1100 * 1000);
  fw_idea_set_title (fw_workbook_get_idea (workbook, 2), "Ours, saved");
  g_assert_true (save (document, NULL, FW_DOCUMENT_SAVE_DEFAULT, &error));

  {
    g_autoptr(FwWorkbook) base = NULL;
    g_autoptr(FwWorkbook) theirs = read_copy (document, ben_file, &base);
    g_autoptr(GPtrArray) from_original = NULL;

    g_assert_nonnull (base);
    from_original = fw_diff (original, base);
    g_assert_cmpuint (from_original->len, ==, 0);
    g_assert_true (fw_document_merge_copy (document, base, theirs, "Ben", &n_conflicts, &error));
    g_assert_cmpuint (n_conflicts, ==, 0);
    g_assert_cmpstr (fw_idea_get_title (fw_workbook_get_idea (workbook, 2)), ==, "Ours, saved");
    g_assert_cmpint (fw_idea_get_priority (fw_workbook_get_idea (workbook, 0),
                                           FW_PRIORITY_URGENCY), ==, FW_LEVEL_LOW);
  }
  g_assert_true (save (document, NULL, FW_DOCUMENT_SAVE_DEFAULT, &error));

  /* Ben goes on from his copy; this side changed the same field meanwhile. */
  fw_idea_set_why (fw_workbook_get_idea (bens, 0), FW_STAGE_DATA, "Ben again");
  g_assert_true (fw_workbook_save (bens, ben_file, NULL, &error));
  fw_idea_set_priority (fw_workbook_get_idea (workbook, 0), FW_PRIORITY_URGENCY, FW_LEVEL_MEDIUM);
  {
    g_autoptr(FwWorkbook) base = NULL;
    g_autoptr(FwWorkbook) theirs = read_copy (document, ben_file, &base);

    g_assert_nonnull (base);
    /* From Ben's first copy: his low urgency is no change of his now. */
    g_assert_cmpint (fw_idea_get_priority (fw_workbook_get_idea (base, 0), FW_PRIORITY_URGENCY),
                     ==, FW_LEVEL_LOW);
    g_assert_true (fw_document_merge_copy (document, base, theirs, "Ben", &n_conflicts, &error));
    g_assert_cmpuint (n_conflicts, ==, 0);
    g_assert_cmpint (fw_idea_get_priority (fw_workbook_get_idea (workbook, 0),
                                           FW_PRIORITY_URGENCY), ==, FW_LEVEL_MEDIUM);
    g_assert_cmpstr (fw_idea_get_why (fw_workbook_get_idea (workbook, 0), FW_STAGE_DATA), ==,
                     "Ben again");
  }
}

/* When this side saved so often since the copy was made that the version it came
 * from is no longer kept, the merge is two-way: this side's edit is a choice, not
 * taken back as if the copy had undone it. */
static void
test_merge_base_pruned (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(FwWorkbook) bens = fw_test_load_sample ("en");
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "ben.flywheel", NULL);
  g_autoptr(GFile) ben_file = g_file_new_for_path (path);
  g_autoptr(FwWorkbook) base = NULL;
  g_autoptr(FwWorkbook) theirs = NULL;
  g_autofree char *identity = fw_workbook_dup_identity (bens);
  g_autofree char *versions = g_build_filename (g_getenv ("FLYWHEEL_VERSIONS_DIR"), identity,
                                                NULL);
  FwWorkbook *workbook;
  guint n_conflicts = 0;

  fw_test_remove_tree (versions);
  fw_idea_set_text (fw_workbook_get_idea (bens, 0), FW_IDEA_NOTES, "Ben's note");
  g_assert_true (fw_workbook_save (bens, ben_file, NULL, &error));

  document = fw_document_new (NULL, fx->file);
  load (document);
  workbook = fw_document_get_workbook (document);
  fw_idea_set_why (fw_workbook_get_idea (workbook, 0), FW_STAGE_MODEL, "Aiko's why");
  for (guint i = 0; i <= FW_VERSIONS_KEPT; i++)
    {
      g_autofree char *title = g_strdup_printf ("Save %u", i);

      fw_idea_set_title (fw_workbook_get_idea (workbook, 4), title);
      g_assert_true (save (document, NULL, FW_DOCUMENT_SAVE_DEFAULT, &error));
    }
  theirs = read_copy (document, ben_file, &base);
  g_assert_null (base);
  g_assert_true (fw_document_merge_copy (document, base, theirs, "Ben", &n_conflicts, &error));
  g_assert_cmpuint (n_conflicts, >, 0);
  g_assert_cmpstr (fw_idea_get_why (fw_workbook_get_idea (workbook, 0), FW_STAGE_MODEL), ==,
                   "Aiko's why");
  fw_test_remove_tree (versions);
}

/* The names sync clients give their conflicted copies, and names that are not. */
static void
test_conflicted_names (void)
{
  g_assert_true (fw_versions_is_conflicted_copy ("plan (conflicted copy 2026-12-01).flywheel",
                                                 "plan.flywheel"));
  g_assert_true (fw_versions_is_conflicted_copy ("plan (Aiko’s conflicted copy).flywheel",
                                                 "plan.flywheel"));
  g_assert_true (fw_versions_is_conflicted_copy (
                   "plan.sync-conflict-20261201-101010-ABCDEFG.flywheel", "plan.flywheel"));
  g_assert_true (fw_versions_is_conflicted_copy ("plan (Conflict 1).flywheel", "plan.flywheel"));
  g_assert_true (fw_versions_is_conflicted_copy ("企画 (conflicted copy).flywheel",
                                                 "企画.flywheel"));
  g_assert_false (fw_versions_is_conflicted_copy ("plan.flywheel", "plan.flywheel"));
  g_assert_false (fw_versions_is_conflicted_copy ("plan 2.flywheel", "plan.flywheel"));
  g_assert_false (fw_versions_is_conflicted_copy ("other (conflicted copy).flywheel",
                                                  "plan.flywheel"));
  g_assert_false (fw_versions_is_conflicted_copy ("plan (conflicted copy).csv", "plan.flywheel"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  drafts_dir = g_dir_make_tmp ("fw-document-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("FLYWHEEL_DRAFTS_DIR", drafts_dir, TRUE);
  {
    g_autofree char *versions = g_dir_make_tmp ("fw-document-versions-XXXXXX", &error);

    g_assert_no_error (error);
    g_setenv ("FLYWHEEL_VERSIONS_DIR", versions, TRUE);
  }

#define ADD(path, fn) \
  g_test_add ("/document/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("load", test_load);
  ADD ("save-unchanged", test_save_unchanged);
  ADD ("collect-deleted-since", test_collect_deleted_since);
  ADD ("cancelled-operations", test_cancelled_operations);
  ADD ("import-into-empty", test_import_into_empty);
  ADD ("load-bad-file", test_load_bad_file);
  ADD ("load-cancelled", test_load_cancelled);
  ADD ("save-conflict", test_save_conflict);
  ADD ("external-change", test_external_change);
  ADD ("read-only", test_read_only);
  ADD ("drafts", test_drafts);
  ADD ("save-failure", test_save_failure);
  ADD ("recover-while-loading", test_recover_while_loading);
  ADD ("import-into", test_import_into);
  ADD ("import-xlsx", test_import_xlsx);
  ADD ("duplicate-idea", test_duplicate_idea);
  ADD ("import-team", test_import_team);
  ADD ("pieces", test_pieces);
  ADD ("saves-in-order", test_saves_in_order);
  ADD ("exports", test_exports);
  ADD ("merge-copy", test_merge_copy);
  ADD ("merge-base-history", test_merge_base_history);
  ADD ("merge-base-pruned", test_merge_base_pruned);
#undef ADD
  g_test_add_func ("/document/conflicted-names", test_conflicted_names);
  status = g_test_run ();
  fw_test_remove_tree (drafts_dir);
  g_free (drafts_dir);
  return status;
}

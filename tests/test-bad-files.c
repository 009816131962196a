/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fw-core.h"

/* Every file in tests/bad/ must be listed here: what error it gives and the words that
 * show the message points at the right place. A file without an entry fails the test,
 * so the corpus and this table stay in step. */
typedef struct
{
  const char *file;
  int         code;      /* in FW_WORKBOOK_ERROR */
  const char *expected;  /* follows "NAME: " in the message */
} BadFile;

static const BadFile bad_files[] = {
  { "empty.json", FW_WORKBOOK_ERROR_NOT_WORKBOOK, "the file is empty" },
  { "whitespace.json", FW_WORKBOOK_ERROR_NOT_WORKBOOK, "the file is empty" },
  { "truncated.json", FW_WORKBOOK_ERROR_SYNTAX, "line 4, column " },
  { "not-object-array.json", FW_WORKBOOK_ERROR_NOT_WORKBOOK,
    "not a Flywheel workbook: expected a JSON object, found an array" },
  { "not-object-string.json", FW_WORKBOOK_ERROR_NOT_WORKBOOK,
    "not a Flywheel workbook: expected a JSON object, found a string" },
  { "wrong-format.json", FW_WORKBOOK_ERROR_NOT_WORKBOOK, "format: not “flywheel-workbook”" },
  { "missing-version.json", FW_WORKBOOK_ERROR_INVALID, "version: missing" },
  { "version-string.json", FW_WORKBOOK_ERROR_INVALID,
    "version: expected an integer, found a string" },
  { "version-2.json", FW_WORKBOOK_ERROR_NEWER_VERSION,
    "version: the file was written by a newer Flywheel (format version 2); "
    "this version reads version 1" },
  { "name-number.json", FW_WORKBOOK_ERROR_INVALID,
    "cases[0].name: expected a string, found a number" },
  { "unknown-enum.json", FW_WORKBOOK_ERROR_INVALID,
    "ideas[1].stages[1].evidence: expected one of none, thematic, opinions, estimates, "
    "anecdotal, market-data, user-evidence, test-results, found “strong-hunch”" },
  { "stages-three.json", FW_WORKBOOK_ERROR_INVALID,
    "ideas[0].stages: expected exactly 4 entries, found 3" },
  { "stages-out-of-order.json", FW_WORKBOOK_ERROR_INVALID,
    "ideas[0].stages[1].stage: expected traffic, found data" },
  { "whys-not-array.json", FW_WORKBOOK_ERROR_INVALID,
    "cases[1].whys: expected an array, found a string" },
  { "whys-three.json", FW_WORKBOOK_ERROR_INVALID,
    "cases[0].whys: expected exactly 4 entries, found 3" },
  { "ticked-string.json", FW_WORKBOOK_ERROR_INVALID,
    "ideas[0].conditions.full-accuracy.ticked: expected true or false, found a string" },
  { "duplicate-idea-ids.json", FW_WORKBOOK_ERROR_INVALID,
    "ideas[2].id: the id “8d4b0c1e-0000-4000-8000-000000000001” is already used by ideas[0]" },
  { "duplicate-case-ids.json", FW_WORKBOOK_ERROR_INVALID,
    "cases[1].id: the id “same” is already used by cases[0]" },
  { "title-null.json", FW_WORKBOOK_ERROR_INVALID, "title: expected a string, found null" },
  { "answer-unknown.json", FW_WORKBOOK_ERROR_INVALID,
    "ideas[0].questions.data-allowed: expected one of unanswered, yes, no, found “perhaps”" },
  { "task-long-id.json", FW_WORKBOOK_ERROR_INVALID,
    "ideas[0].task: expected one of undecided, regression, classification, clustering, "
    "anomaly-detection, ranking, recommendation, "
    "found “recommendation-with-a-very-long-name-tha…”" },
  { "case-ids-number.json", FW_WORKBOOK_ERROR_INVALID,
    "ideas[0].case_ids[1]: expected a string, found a number" },
  { "invalid-utf8.json", FW_WORKBOOK_ERROR_NOT_UTF8, "line 4, column 16: not UTF-8 text" },
  { "utf16.json", FW_WORKBOOK_ERROR_NOT_UTF8, "line 1, column 1: not UTF-8 text" },
  { "binary-garbage.json", FW_WORKBOOK_ERROR_NOT_UTF8, "line 1, column 1: not UTF-8 text" },
  /* The team round (issue #17). */
  { "assessment-unknown-member.json", FW_WORKBOOK_ERROR_INVALID,
    "ideas[2].assessments[0].member: no member with id “m-ben” in members" },
  { "assessment-duplicate-member.json", FW_WORKBOOK_ERROR_INVALID,
    "ideas[0].assessments[1].member: the member “m-aiko” already assessed this idea in "
    "assessments[0]" },
  { "assessment-made-invalid.json", FW_WORKBOOK_ERROR_INVALID,
    "ideas[0].assessments[0].made: expected a date and time such as 2026-12-01T09:30:00Z, "
    "found “yesterday”" },
  { "assessment-stages-three.json", FW_WORKBOOK_ERROR_INVALID,
    "ideas[0].assessments[0].stages: expected exactly 4 entries, found 3" },
  { "member-role-unknown.json", FW_WORKBOOK_ERROR_INVALID,
    "members[0].role: expected one of product-manager, engineer, data-scientist, designer, "
    "other, found “wizard”" },
  { "member-id-missing.json", FW_WORKBOOK_ERROR_INVALID,
    "members[1].id: missing; every member needs an id" },
  { "member-duplicate-ids.json", FW_WORKBOOK_ERROR_INVALID,
    "members[1].id: the id “same” is already used by members[0]" },
  { "decision-unknown.json", FW_WORKBOOK_ERROR_INVALID,
    "ideas[0].decision.choice: expected one of none, adopt-poc, gather-evidence, park, drop, "
    "found “maybe-later”" },
  { "workbook-id-number.json", FW_WORKBOOK_ERROR_INVALID,
    "id: expected a string, found a number" },
};

static const BadFile *
find_bad_file (const char *basename)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    if (g_str_equal (bad_files[i].file, basename))
      return &bad_files[i];
  return NULL;
}

static void
assert_refused_with (GError     *error,
                     const char *name,
                     int         code,
                     const char *expected)
{
  g_autofree char *prefix = g_strdup_printf ("%s: ", name);

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, FW_WORKBOOK_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  if (!g_str_has_prefix (error->message + strlen (prefix), expected))
    g_error ("expected “%s” after the name in “%s”", expected, error->message);
}

static void
test_corpus (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "bad", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *basename;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((basename = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(FwWorkbook) workbook = NULL;
      g_autoptr(GError) load_error = NULL;
      g_autofree char *contents = NULL;
      gsize length;
      const BadFile *bad;

      if (!g_str_has_suffix (basename, ".json"))
        continue;
      bad = find_bad_file (basename);
      if (bad == NULL)
        g_error ("tests/bad/%s has no entry in the table of test-bad-files.c", basename);
      g_hash_table_add (seen, (gpointer) bad->file);

      path = g_build_filename (dir_path, basename, NULL);
      file = g_file_new_for_path (path);
      workbook = fw_workbook_load (file, NULL, &load_error);
      g_assert_null (workbook);
      assert_refused_with (load_error, path, bad->code, bad->expected);
      g_clear_error (&load_error);

      /* The same refusal from memory, under the name the caller gives. */
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      workbook = fw_workbook_load_from_data (contents, length, basename, &load_error);
      g_assert_null (workbook);
      assert_refused_with (load_error, basename, bad->code, bad->expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    if (!g_hash_table_contains (seen, bad_files[i].file))
      g_error ("tests/bad/%s is in the table but not in the folder", bad_files[i].file);
}

static void
test_deep_nesting (void)
{
  const gsize n = 100000;
  g_autofree char *data = g_malloc (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;

  memset (data, '[', n);
  workbook = fw_workbook_load_from_data (data, n, "deep.flywheel", &error);
  g_assert_null (workbook);
  assert_refused_with (error, "deep.flywheel", FW_WORKBOOK_ERROR_TOO_DEEP,
                       "line 1, column 65: nested more than 64 levels deep");
}

/* Objects as deep as the limit inside a valid workbook, and brackets inside strings
 * (with escaped quotes) that must not count. */
static void
test_nesting_limit (void)
{
  static const char head[] = "{\"format\": \"flywheel-workbook\", \"version\": 1, "
                             "\"title\": \"[[[{{{\\\"[[[\", \"x\": ";
  g_autoptr(GString) text = g_string_new (head);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;

  /* The top-level object is the first level. */
  for (guint i = 1; i < FW_WORKBOOK_MAX_DEPTH; i++)
    g_string_append (text, "[\"]]]\\\"{\", ");
  g_string_append (text, "0");
  for (guint i = 1; i < FW_WORKBOOK_MAX_DEPTH; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  workbook = fw_workbook_load_from_data (text->str, text->len, "limit.flywheel", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fw_workbook_get_title (workbook), ==, "[[[{{{\"[[[");
  /* The unknown member survives, all 63 levels of it. */
  g_assert_nonnull (fw_workbook_get_extra (workbook));
  g_assert_true (json_object_has_member (fw_workbook_get_extra (workbook), "x"));

  /* One level more is refused. */
  g_clear_object (&workbook);
  g_string_insert_c (text, strlen (head), '[');
  g_string_insert_c (text, text->len - 1, ']');
  workbook = fw_workbook_load_from_data (text->str, text->len, "limit.flywheel", &error);
  g_assert_null (workbook);
  g_assert_error (error, FW_WORKBOOK_ERROR, FW_WORKBOOK_ERROR_TOO_DEEP);
}

static void
test_oversize_data (void)
{
  gsize n = FW_WORKBOOK_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;

  memset (data, ' ', n);
  workbook = fw_workbook_load_from_data (data, n, "big.flywheel", &error);
  g_assert_null (workbook);
  assert_refused_with (error, "big.flywheel", FW_WORKBOOK_ERROR_TOO_LARGE,
                       "larger than 64.0\u00a0MiB, too large to read");
}

/* A sparse file: refused from its size alone, before any of it is read. */
static void
test_oversize_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  FILE *fp;

  g_assert_no_error (error);
  path = g_build_filename (dir, "big.flywheel", NULL);
  fp = g_fopen (path, "w");
  g_assert_nonnull (fp);
  g_assert_cmpint (fseeko (fp, FW_WORKBOOK_MAX_SIZE, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', fp), ==, '}');
  g_assert_cmpint (fclose (fp), ==, 0);

  file = g_file_new_for_path (path);
  workbook = fw_workbook_load (file, NULL, &error);
  g_assert_null (workbook);
  assert_refused_with (error, path, FW_WORKBOOK_ERROR_TOO_LARGE,
                       "larger than 64.0\u00a0MiB, too large to read");

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bad-files/corpus", test_corpus);
  g_test_add_func ("/bad-files/deep-nesting", test_deep_nesting);
  g_test_add_func ("/bad-files/nesting-limit", test_nesting_limit);
  g_test_add_func ("/bad-files/oversize-data", test_oversize_data);
  g_test_add_func ("/bad-files/oversize-file", test_oversize_file);

  return g_test_run ();
}

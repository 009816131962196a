/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-core.h"

static FwWorkbook *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "sample-en.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FwWorkbook *workbook = fw_workbook_load (file, NULL, &error);

  g_assert_no_error (error);
  return workbook;
}

static FwWorkbook *
copy_of (FwWorkbook *workbook)
{
  g_autoptr(GBytes) bytes = fw_workbook_to_bytes (workbook);
  g_autoptr(GError) error = NULL;
  FwWorkbook *copy = fw_workbook_load_from_data (g_bytes_get_data (bytes, NULL),
                                                 g_bytes_get_size (bytes), "copy", &error);

  g_assert_no_error (error);
  return copy;
}

/* The merged workbook is written and read back as it is: it validates. */
static FwWorkbook *
round_trip (FwWorkbook *workbook)
{
  FwWorkbook *again = copy_of (workbook);

  g_assert_true (fw_workbook_equal (workbook, again));
  g_assert_cmpuint (fw_workbook_count_conflicts (workbook), ==,
                    fw_workbook_count_conflicts (again));
  return again;
}

/* One side's change to a field comes in; both sides' different changes to one field
 * are a conflict, kept in the workbook with both values; the workbook holds ours. */
static void
test_fields (void)
{
  g_autoptr(FwWorkbook) base = load_sample ();
  g_autoptr(FwWorkbook) ours = copy_of (base);
  g_autoptr(FwWorkbook) theirs = copy_of (base);
  g_autoptr(FwWorkbook) merged = NULL;
  g_autoptr(FwWorkbook) again = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  FwIdea *o0 = fw_workbook_get_idea (ours, 0);
  FwIdea *t0 = fw_workbook_get_idea (theirs, 0);
  FwIdea *m0;
  FwConflict *conflict;
  guint n = 99;

  fw_idea_set_evidence (t0, FW_STAGE_DATA, FW_EVIDENCE_MARKET_DATA);    /* theirs only */
  fw_idea_set_condition (o0, FW_CONDITION_FULL_ACCURACY, TRUE);         /* ours only */
  fw_idea_set_why (o0, FW_STAGE_MODEL, "ours why");                     /* both, differently */
  fw_idea_set_why (t0, FW_STAGE_MODEL, "theirs why");
  fw_idea_set_text (o0, FW_IDEA_NOTES, "same");                                       /* both, the same */
  fw_idea_set_text (t0, FW_IDEA_NOTES, "same");

  merged = fw_merge (base, ours, theirs, "Ours", "Theirs", &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  m0 = fw_workbook_get_idea (merged, 0);
  g_assert_cmpint (fw_idea_get_evidence (m0, FW_STAGE_DATA), ==, FW_EVIDENCE_MARKET_DATA);
  g_assert_true (fw_idea_get_condition (m0, FW_CONDITION_FULL_ACCURACY));
  g_assert_cmpstr (fw_idea_get_text (m0, FW_IDEA_NOTES), ==, "same");
  g_assert_cmpstr (fw_idea_get_why (m0, FW_STAGE_MODEL), ==, "ours why");

  conflicts = fw_workbook_dup_conflicts (merged);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = conflicts->pdata[0];
  g_assert_cmpint (conflict->kind, ==, FW_ITEM_IDEA);
  g_assert_cmpstr (conflict->id, ==, fw_idea_get_id (o0));
  g_assert_cmpstr (conflict->field, ==, "why-model");
  g_assert_cmpstr (json_node_get_string (conflict->ours), ==, "ours why");
  g_assert_cmpstr (json_node_get_string (conflict->theirs), ==, "theirs why");
  g_assert_cmpstr (json_node_get_string (conflict->base), ==,
                   fw_idea_get_why (fw_workbook_get_idea (base, 0), FW_STAGE_MODEL));
  g_assert_cmpstr (conflict->ours_from, ==, "Ours");
  g_assert_cmpstr (conflict->theirs_from, ==, "Theirs");

  again = round_trip (merged);

  /* A resolved conflict is a difference, though the value stays. */
  {
    g_autoptr(FwWorkbook) resolved = copy_of (merged);
    g_autoptr(GPtrArray) changes = NULL;
    g_autofree char *line = NULL;

    g_assert_true (fw_workbook_resolve_conflict (resolved, 0, FW_RESOLVE_OURS, NULL, &error));
    changes = fw_diff (merged, resolved);
    g_assert_cmpuint (changes->len, ==, 1);
    line = fw_change_format (changes->pdata[0], merged, resolved);
    g_assert_cmpstr (line, ==, "Unresolved conflicts: 1 → 0");
  }

  /* Theirs resolves it; the conflict goes. */
  g_assert_true (fw_workbook_resolve_conflict (again, 0, FW_RESOLVE_THEIRS, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fw_idea_get_why (fw_workbook_get_idea (again, 0), FW_STAGE_MODEL), ==,
                   "theirs why");
  g_assert_cmpuint (fw_workbook_count_conflicts (again), ==, 0);
  g_assert_false (fw_workbook_resolve_conflict (again, 0, FW_RESOLVE_OURS, NULL, &error));
  g_clear_error (&error);
}

/* Added on one side → added, after the idea it follows there; deleted on one side
 * and untouched on the other → deleted; deleted on one side and changed on the
 * other → kept and marked. */
static void
test_items (void)
{
  g_autoptr(FwWorkbook) base = load_sample ();
  g_autoptr(FwWorkbook) ours = copy_of (base);
  g_autoptr(FwWorkbook) theirs = copy_of (base);
  g_autoptr(FwWorkbook) merged = NULL;
  g_autoptr(FwIdea) added = fw_idea_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_id = g_strdup (fw_idea_get_id (fw_workbook_get_idea (base, 0)));
  g_autofree char *second_id = g_strdup (fw_idea_get_id (fw_workbook_get_idea (base, 1)));
  guint n_base = fw_workbook_get_n_ideas (base);
  guint position = 99;
  guint n = 0;

  g_assert_cmpuint (n_base, >=, 3);
  fw_idea_set_title (added, "Added by them");
  fw_workbook_insert_idea (theirs, 1, added);                /* after the first */
  fw_workbook_remove_idea (ours, 0);                         /* ours deletes the first… */
  fw_idea_set_title (fw_workbook_get_idea (theirs, 0), "Changed by them"); /* …theirs changes it */
  fw_workbook_remove_idea (theirs, 2);                       /* theirs deletes the second, untouched */

  merged = fw_merge (base, ours, theirs, NULL, NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_null (fw_workbook_find_idea (merged, second_id, NULL));
  g_assert_nonnull (fw_workbook_find_idea (merged, first_id, &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpstr (fw_idea_get_title (fw_workbook_get_idea (merged, 0)), ==, "Changed by them");
  g_assert_cmpstr (fw_idea_get_title (fw_workbook_get_idea (merged, 1)), ==, "Added by them");
  g_assert_cmpuint (fw_workbook_get_n_ideas (merged), ==, n_base);

  conflicts = fw_workbook_dup_conflicts (merged);
  g_assert_cmpstr (((FwConflict *) conflicts->pdata[0])->field, ==, "");
  g_assert_false (json_node_get_boolean (((FwConflict *) conflicts->pdata[0])->ours));
  g_assert_true (json_node_get_boolean (((FwConflict *) conflicts->pdata[0])->theirs));
  g_clear_object (&base);
  base = round_trip (merged);

  /* Mine: ours deleted it, so it goes. */
  g_assert_true (fw_workbook_resolve_conflict (merged, 0, FW_RESOLVE_OURS, NULL, &error));
  g_assert_null (fw_workbook_find_idea (merged, first_id, NULL));
}

/* Without a base every difference is a choice; the copies of another workbook are
 * refused. */
static void
test_two_way_and_refusal (void)
{
  g_autoptr(FwWorkbook) ours = load_sample ();
  g_autoptr(FwWorkbook) theirs = copy_of (ours);
  g_autoptr(FwWorkbook) merged = NULL;
  g_autoptr(FwWorkbook) other = fw_workbook_new ();
  g_autoptr(GError) error = NULL;
  guint n = 0;

  fw_idea_set_evidence (fw_workbook_get_idea (theirs, 0), FW_STAGE_DATA, FW_EVIDENCE_MARKET_DATA);
  fw_workbook_remove_idea (theirs, 1);
  merged = fw_merge (NULL, ours, theirs, NULL, NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (fw_workbook_get_n_ideas (merged), ==, fw_workbook_get_n_ideas (ours));
  g_clear_object (&merged);

  /* Identical copies: nothing to choose. */
  merged = fw_merge (NULL, ours, ours, NULL, NULL, &n, &error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (fw_workbook_equal (merged, ours));
  g_clear_object (&merged);

  /* Neither has an id: the identity derived from each file's creation time tells
   * them apart, as collecting does. */
  fw_workbook_set_text (other, FW_WORKBOOK_CREATED, "2025-01-01T00:00:00Z");
  g_assert_null (fw_merge (NULL, ours, other, NULL, NULL, &n, &error));
  g_assert_error (error, FW_MERGE_ERROR, FW_MERGE_ERROR_OTHER_WORKBOOK);
  g_clear_error (&error);
  /* Nor is a base of another workbook taken. */
  g_assert_null (fw_merge (other, ours, theirs, NULL, NULL, &n, &error));
  g_assert_error (error, FW_MERGE_ERROR, FW_MERGE_ERROR_OTHER_BASE);
  g_clear_error (&error);

  fw_workbook_set_id (ours, "11111111-1111-4111-8111-111111111111");
  fw_workbook_set_id (other, "22222222-2222-4222-8222-222222222222");
  g_assert_null (fw_merge (NULL, ours, other, NULL, NULL, &n, &error));
  g_assert_error (error, FW_MERGE_ERROR, FW_MERGE_ERROR_OTHER_WORKBOOK);
}

/* The diff names the idea, the field and both values, and the verdict the rules
 * derive; equal workbooks have none. */
static void
test_diff (void)
{
  g_autoptr(FwWorkbook) a = load_sample ();
  g_autoptr(FwWorkbook) b = copy_of (a);
  g_autoptr(GPtrArray) none = fw_diff (a, b);
  g_autoptr(GPtrArray) changes = NULL;
  FwIdea *idea = fw_workbook_get_idea (b, 0);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *expected = NULL;

  g_assert_cmpuint (none->len, ==, 0);
  fw_workbook_touch (b);
  g_clear_pointer (&none, g_ptr_array_unref);
  none = fw_diff (a, b);
  g_assert_cmpuint (none->len, ==, 0);

  fw_idea_set_evidence (idea, FW_STAGE_DATA, FW_EVIDENCE_MARKET_DATA);
  fw_idea_set_condition (idea, FW_CONDITION_FULL_ACCURACY, TRUE);
  changes = fw_diff (a, b);
  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *line = fw_change_format (changes->pdata[i], a, b);
      g_string_append_printf (all, "%s\n", line);
    }
  expected = g_strdup_printf ("Idea “%s”: Data — evidence: %s → Market data\n",
                              fw_idea_get_title (idea),
                              fw_evidence_label (fw_idea_get_evidence (fw_workbook_get_idea (a, 0),
                                                                       FW_STAGE_DATA)));
  g_test_message ("%s", all->str);
  g_assert_true (g_str_has_prefix (all->str, expected));
  g_assert_nonnull (strstr (all->str, "Condition “100% accuracy required” ticked"));
  g_assert_nonnull (strstr (all->str, ": verdict "));
}

static FwWorkbook *
with_urgency (FwWorkbook *base,
              FwLevel     level)
{
  FwWorkbook *copy = copy_of (base);

  fw_idea_set_priority (fw_workbook_get_idea (copy, 0), FW_PRIORITY_URGENCY, level);
  return copy;
}

/* Conflicts kept by earlier merges merge too: theirs' come in with the sides
 * swapped, each once; one a side resolved stays resolved; one about an idea the
 * merge drops goes with it; a conflict whose item is gone resolves by itself. */
static void
test_kept_conflicts (void)
{
  g_autoptr(FwWorkbook) base = load_sample ();
  g_autoptr(FwWorkbook) a = with_urgency (base, FW_LEVEL_LOW);
  g_autoptr(FwWorkbook) b = with_urgency (base, FW_LEVEL_HIGH);
  g_autoptr(FwWorkbook) b2 = NULL;
  g_autoptr(FwWorkbook) x = NULL;
  g_autoptr(FwWorkbook) resolved = NULL;
  g_autoptr(FwWorkbook) y = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  FwConflict *conflict;
  guint n = 0;

  /* B merged A (B's side "ours"); A merges that back. */
  b2 = fw_merge (base, b, a, "B", "A", &n, &error);
  g_assert_cmpuint (n, ==, 1);
  x = fw_merge (base, a, b2, "A", "B", &n, &error);
  g_assert_no_error (error);
  conflicts = fw_workbook_dup_conflicts (x);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = conflicts->pdata[0];
  g_assert_cmpint (fw_idea_get_priority (fw_workbook_get_idea (x, 0), FW_PRIORITY_URGENCY), ==,
                   FW_LEVEL_LOW);
  g_assert_cmpstr (json_node_get_string (conflict->ours), ==, "low");
  g_assert_cmpstr (json_node_get_string (conflict->theirs), ==, "high");
  g_assert_cmpstr (conflict->ours_from, ==, "A");
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* B resolves it (takes A's low) in its own copy; A, who kept it, merges that: the
   * conflict is gone, the value is the one B chose. */
  resolved = copy_of (b2);
  g_assert_true (fw_workbook_resolve_conflict (resolved, 0, FW_RESOLVE_THEIRS, NULL, &error));
  y = fw_merge (b2, b2, resolved, NULL, NULL, &n, &error);
  g_assert_cmpuint (fw_workbook_count_conflicts (y), ==, 0);
  g_assert_cmpint (fw_idea_get_priority (fw_workbook_get_idea (y, 0), FW_PRIORITY_URGENCY), ==,
                   FW_LEVEL_LOW);
  g_clear_object (&y);

  /* The idea is deleted on one side where the other kept its conflict untouched. */
  {
    g_autoptr(FwWorkbook) gone = copy_of (b2);

    fw_workbook_remove_idea (gone, 0);
    y = fw_merge (b2, b2, gone, NULL, NULL, &n, &error);
    g_assert_no_error (error);
    g_assert_null (fw_workbook_find_idea (y, fw_idea_get_id (fw_workbook_get_idea (b2, 0)), NULL));
    g_assert_cmpuint (fw_workbook_count_conflicts (y), ==, 0);
  }

  /* In the window the idea is deleted: the conflict resolves with nothing to set. */
  fw_workbook_remove_idea (b2, 0);
  g_assert_true (fw_workbook_resolve_conflict (b2, 0, FW_RESOLVE_OURS, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fw_workbook_count_conflicts (b2), ==, 0);
}

/* A file's conflicts are checked as it is read: a wrong type, an unknown field, a
 * value the field cannot hold or a field a merge never leaves is dropped quietly
 * (fatal criticals would abort this test); a value typed in that would not load
 * again is refused. */
static void
test_bad_conflicts (void)
{
  static const char *data =
    "{\"format\": \"flywheel-workbook\", \"version\": 1,\n"
    " \"ideas\": [{\"id\": \"i1\", \"title\": \"One\","
    "   \"decision\": {\"choice\": \"park\", \"rationale\": \"\", \"date\": \"2026-12-01\"}}],\n"
    " \"conflicts\": [\n"
    "  {\"item\": {}, \"id\": \"i1\", \"field\": \"title\", \"ours\": \"a\", \"theirs\": \"b\"},\n"
    "  {\"item\": \"idea\", \"id\": \"i1\", \"field\": \"case-ids\", \"ours\": [{}],"
    "   \"theirs\": [1, null], \"ours_from\": [1]},\n"
    "  {\"item\": \"idea\", \"id\": \"i1\", \"field\": \"nonsense\", \"ours\": 1, \"theirs\": 2},\n"
    "  {\"item\": \"idea\", \"id\": \"i1\", \"field\": \"revealed\", \"ours\": true, \"theirs\": false},\n"
    "  {\"item\": \"idea\", \"id\": \"i1\", \"field\": \"task\", \"ours\": \"ranking\","
    "   \"theirs\": \"no-such-task\"},\n"
    "  {\"item\": \"idea\", \"id\": \"i1\", \"field\": \"\", \"ours\": \"yes\", \"theirs\": true},\n"
    "  {\"item\": \"idea\", \"id\": \"i1\", \"field\": \"decision-date\", \"ours\": \"2026-12-01\","
    "   \"theirs\": \"2026-12-02\", \"ours_from\": \"Aiko\", \"theirs_from\": 7}\n"
    " ]}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) workbook = fw_workbook_load_from_data (data, strlen (data), "bad", &error);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonNode) not_a_day = json_node_init_string (json_node_alloc (), "tomorrow");
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  conflicts = fw_workbook_dup_conflicts (workbook);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((FwConflict *) conflicts->pdata[0])->field, ==, "decision-date");
  g_assert_cmpstr (((FwConflict *) conflicts->pdata[0])->theirs_from, ==, "");
  text = fw_workbook_dup_text (workbook);
  g_assert_nonnull (strstr (text, "Decision — date"));

  g_assert_false (fw_workbook_resolve_conflict (workbook, 0, FW_RESOLVE_VALUE, not_a_day, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (fw_workbook_count_conflicts (workbook), ==, 1);
  g_assert_cmpstr (fw_idea_get_decision_date (fw_workbook_get_idea (workbook, 0)), ==,
                   "2026-12-01");
}

/* Items a file lists without an id get the same one each time it is read, so two
 * reads of it are equal and a merge of it with itself adds nothing. */
static void
test_items_without_ids (void)
{
  static const char *data =
    "{\"format\": \"flywheel-workbook\", \"version\": 1, \"created\": \"2026-01-05T00:00:00Z\",\n"
    " \"cases\": [{\"name\": \"A case\"}],\n"
    " \"ideas\": [{\"title\": \"One\"}, {\"title\": \"Two\"}]}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) a = fw_workbook_load_from_data (data, strlen (data), "a", &error);
  g_autoptr(FwWorkbook) b = fw_workbook_load_from_data (data, strlen (data), "b", &error);
  g_autoptr(GPtrArray) changes = fw_diff (a, b);
  g_autoptr(FwWorkbook) merged = NULL;
  guint n = 99;

  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpstr (fw_idea_get_id (fw_workbook_get_idea (a, 1)), ==,
                   fw_idea_get_id (fw_workbook_get_idea (b, 1)));
  g_assert_cmpstr (fw_idea_get_id (fw_workbook_get_idea (a, 0)), !=,
                   fw_idea_get_id (fw_workbook_get_idea (a, 1)));
  g_assert_cmpstr (fw_case_get_id (fw_workbook_get_case (a, 0)), ==,
                   fw_case_get_id (fw_workbook_get_case (b, 0)));
  merged = fw_merge (a, b, a, NULL, NULL, &n, &error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (fw_workbook_get_n_ideas (merged), ==, 2);
  g_assert_cmpuint (fw_workbook_get_n_cases (merged), ==, 1);
}

/* An item is named by what a person sees: an idea titled only with spaces by its
 * display title, in a change, a conflict and `flywheel show`'s headings; one no
 * longer there by its id. */
static void
test_describe_display_title (void)
{
  static const char data[] =
    "{ \"format\": \"flywheel-workbook\", \"version\": 1, \"id\": \"wb-1\",\n"
    "  \"members\": [ { \"id\": \"m1\", \"name\": \"Aiko\", \"role\": \"engineer\" } ],\n"
    "  \"ideas\": [ { \"id\": \"i1\", \"title\": \"   \",\n"
    "    \"assessments\": [ { \"member\": \"m1\", \"made\": \"2026-12-01T09:00:00Z\" } ] } ] }\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) workbook = fw_workbook_load_from_data (data, strlen (data), "blank",
                                                               &error);
  g_autofree char *idea = NULL;
  g_autofree char *assessment = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  idea = fw_merge_describe_item (workbook, FW_ITEM_IDEA, "i1", NULL);
  g_assert_cmpstr (idea, ==, "Idea “Untitled idea”");
  assessment = fw_merge_describe_item (workbook, FW_ITEM_ASSESSMENT, "i1", "m1");
  g_assert_cmpstr (assessment, ==, "Aiko’s assessment of “Untitled idea”");
  gone = fw_merge_describe_item (workbook, FW_ITEM_IDEA, "i9", NULL);
  g_assert_cmpstr (gone, ==, "Idea “i9”");

  text = fw_workbook_dup_text (workbook);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "\nIdea “Untitled idea” (i1)\n"));
  g_assert_nonnull (strstr (text, "\n  Aiko’s assessment of “Untitled idea” (m1)\n"));
  g_assert_null (strstr (text, "“   ”"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/fields", test_fields);
  g_test_add_func ("/merge/items", test_items);
  g_test_add_func ("/merge/two-way", test_two_way_and_refusal);
  g_test_add_func ("/merge/diff", test_diff);
  g_test_add_func ("/merge/kept-conflicts", test_kept_conflicts);
  g_test_add_func ("/merge/bad-conflicts", test_bad_conflicts);
  g_test_add_func ("/merge/items-without-ids", test_items_without_ids);
  g_test_add_func ("/merge/describe-display-title", test_describe_display_title);
  return g_test_run ();
}

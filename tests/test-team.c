/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The team round's core (issue #17): members, members' assessments, decisions, their
 * file format, collecting from members' copies, and the team's agreement. */

#include "config.h"

#include <string.h>

#include "fw-core.h"
#include "fw-collect.h"
#include "fw-team.h"
#include "fw-test-team.h"

/* Helpers */

static FwWorkbook *
load_bytes (GBytes     *bytes,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  FwWorkbook *workbook = fw_workbook_load_from_data (g_bytes_get_data (bytes, NULL),
                                                     g_bytes_get_size (bytes), name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workbook);
  return workbook;
}

static FwWorkbook *
reload (FwWorkbook *workbook)
{
  g_autoptr(GBytes) bytes = fw_workbook_to_bytes (workbook);

  return load_bytes (bytes, "copy.flywheel");
}

/* The team's workbook as a file from before the team round: five ideas, no id. */
static FwWorkbook *
make_team (guint n_ideas)
{
  FwWorkbook *workbook = fw_workbook_new ();

  fw_workbook_set_title (workbook, "Team");
  fw_workbook_set_text (workbook, FW_WORKBOOK_CREATED, "2026-11-30T08:00:00Z");
  for (guint i = 0; i < n_ideas; i++)
    {
      g_autoptr(FwIdea) idea = fw_idea_new ();
      g_autofree char *id = g_strdup_printf ("idea-%04u", i);
      g_autofree char *title = g_strdup_printf ("Idea %u", i);

      fw_idea_set_text (idea, FW_IDEA_ID, id);
      fw_idea_set_title (idea, title);
      fw_idea_set_task (idea, FW_TASK_RANKING);
      fw_idea_set_applicability (idea, FW_APPLICABILITY_YES);
      fw_workbook_append_idea (workbook, idea);
    }
  return workbook;
}

/* A member's copy of @team: the file copied, the member joining in it and assessing
 * the first @n_assessed ideas by @code at @made. */
static FwWorkbook *
make_copy (FwWorkbook *team,
           const char *name,
           guint       n_assessed,
           const char *made,
           const char *code)
{
  FwWorkbook *copy = reload (team);
  g_autoptr(FwMember) member = fw_member_new (name, FW_ROLE_ENGINEER);
  g_autofree char *id = g_strdup_printf ("member-%s", name);

  fw_member_set_id (member, id);
  if (fw_workbook_find_member (copy, id, NULL) == NULL)
    fw_workbook_append_member (copy, member);
  for (guint i = 0; i < n_assessed; i++)
    assess (fw_workbook_get_idea (copy, i), member, made, code);
  return copy;
}

static FwCollect *
collect_ok (FwWorkbook  *team,
            FwWorkbook **copies,
            guint        n)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  FwCollect *collect;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, g_strdup_printf ("copy-%u.flywheel", i));
  collect = fw_collect (team, copies, (const char * const *) names->pdata, n, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collect);
  return collect;
}

static void
assert_same_bytes (FwWorkbook *a,
                   FwWorkbook *b)
{
  g_autoptr(GBytes) ba = fw_workbook_to_bytes (a);
  g_autoptr(GBytes) bb = fw_workbook_to_bytes (b);

  if (!g_bytes_equal (ba, bb))
    g_error ("the workbooks differ:\n%s\n---\n%s", (const char *) g_bytes_get_data (ba, NULL),
             (const char *) g_bytes_get_data (bb, NULL));
}

/* The model */

static void
test_member (void)
{
  g_autoptr(FwMember) member = fw_member_new ("  Aiko ", FW_ROLE_DATA_SCIENTIST);
  g_autoptr(FwMember) copy = NULL;
  g_autofree char *name = NULL;
  FwRole role;

  g_assert_true (g_uuid_string_is_valid (fw_member_get_id (member)));
  name = fw_member_dup_display_name (member);
  g_assert_cmpstr (name, ==, "Aiko");
  g_assert_cmpstr (fw_role_to_id (FW_ROLE_DATA_SCIENTIST), ==, "data-scientist");
  g_assert_cmpstr (fw_role_label (FW_ROLE_PRODUCT_MANAGER), ==, "Product manager");
  g_assert_true (fw_role_from_id ("designer", &role));
  g_assert_cmpint (role, ==, FW_ROLE_DESIGNER);
  g_assert_false (fw_role_from_id ("wizard", &role));
  g_assert_cmpstr (fw_decision_label (FW_DECISION_GATHER_EVIDENCE), ==, "Gather evidence first");

  copy = fw_member_copy (member);
  g_assert_true (fw_member_equal (member, copy));
  g_object_set (copy, "role", FW_ROLE_OTHER, NULL);
  g_assert_false (fw_member_equal (member, copy));
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

/* A member's assessment goes through the same rules on the idea as they see it. */
static void
test_assessment_view (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_autoptr(FwMember) aiko = fw_member_new ("Aiko", FW_ROLE_ENGINEER);
  g_autoptr(FwAssessment) own = NULL;
  g_autoptr(FwAssessment) hers = NULL;
  g_autoptr(FwIdea) view = NULL;
  FwMemberAssessment *assessment;

  fw_idea_set_title (idea, "Voice search");
  fw_idea_set_task (idea, FW_TASK_RANKING);
  fw_idea_set_applicability (idea, FW_APPLICABILITY_YES);
  fw_test_judge (idea, "hhhh");
  assessment = assess (idea, aiko, "2026-12-01T09:00:00Z", "bsws");

  own = fw_assessment_new (idea);
  hers = fw_member_assessment_assess (assessment, idea);
  g_assert_cmpint (fw_assessment_get_stage_state (own, FW_STAGE_CUSTOMER_EXPERIENCE), ==,
                   FW_STAGE_STATE_HOLDS);
  g_assert_cmpint (fw_assessment_get_stage_state (hers, FW_STAGE_CUSTOMER_EXPERIENCE), ==,
                   FW_STAGE_STATE_BROKEN);
  g_assert_cmpint (fw_assessment_get_stage_state (hers, FW_STAGE_TRAFFIC), ==,
                   FW_STAGE_STATE_STRONG);
  g_assert_cmpint (fw_assessment_get_stage_state (hers, FW_STAGE_DATA), ==, FW_STAGE_STATE_WEAK);
  g_assert_cmpint (fw_assessment_get_verdict (hers), ==, FW_VERDICT_LOSING);
  g_assert_cmpint (fw_assessment_get_verdict (own), !=, FW_VERDICT_LOSING);

  /* The view is the idea (title, task) with her judgement. */
  view = fw_member_assessment_dup_view (assessment, idea);
  g_assert_cmpstr (fw_idea_get_title (view), ==, "Voice search");
  g_assert_cmpint (fw_idea_get_task (view), ==, FW_TASK_RANKING);
  g_assert_cmpint (fw_idea_get_evidence (view, FW_STAGE_TRAFFIC), ==, FW_EVIDENCE_MARKET_DATA);
  g_assert_true (fw_idea_get_condition (view, FW_CONDITION_FULL_ACCURACY));
  g_assert_false (fw_idea_get_condition (idea, FW_CONDITION_FULL_ACCURACY));
}

/* Changing a member's judgement changes the idea: its revision (the saved text is
 * cached by it) and one "changed". */
static void
test_assessment_changes_idea (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_autoptr(FwMember) aiko = fw_member_new ("Aiko", FW_ROLE_ENGINEER);
  FwMemberAssessment *assessment = assess (idea, aiko, "2026-12-01T09:00:00Z", "hhhh");
  guint64 before = fw_idea_get_revision (idea);
  guint changed = 0;

  g_signal_connect (idea, "changed", G_CALLBACK (count_cb), &changed);
  fw_idea_set_why (fw_member_assessment_get_judgement (assessment), FW_STAGE_DATA, "logs");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (fw_idea_get_revision (idea), >, before);

  before = fw_idea_get_revision (idea);
  fw_member_assessment_set_comment (assessment, "I doubt the data");
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (fw_idea_get_revision (idea), >, before);

  /* Removing it never brings the revision back to an earlier value. */
  before = fw_idea_get_revision (idea);
  fw_idea_remove_assessment (idea, 0);
  g_assert_cmpuint (fw_idea_get_n_assessments (idea), ==, 0);
  g_assert_cmpuint (fw_idea_get_revision (idea), >, before);
  g_assert_cmpuint (changed, ==, 3);
}

/* A later assessment by the same member replaces the earlier one in place. */
static void
test_set_assessment_replaces (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_autoptr(FwMember) aiko = fw_member_new ("Aiko", FW_ROLE_ENGINEER);
  g_autoptr(FwMember) ben = fw_member_new ("Ben", FW_ROLE_DESIGNER);
  g_autoptr(FwMemberAssessment) first = NULL;

  assess (idea, aiko, "2026-12-01T09:00:00Z", "hhhh");
  assess (idea, ben, "2026-12-01T09:00:00Z", "wwww");
  assess (idea, aiko, "2026-12-01T10:00:00Z", "ssss");
  g_assert_cmpuint (fw_idea_get_n_assessments (idea), ==, 2);
  first = g_list_model_get_item (fw_idea_get_assessments (idea), 0);
  g_assert_cmpstr (fw_member_assessment_get_member_id (first), ==, fw_member_get_id (aiko));
  g_assert_cmpstr (fw_member_assessment_get_made (first), ==, "2026-12-01T10:00:00Z");
}

/* A copy keeps the team's assessments and the decision; the idea without the team
 * (a member's view, a duplicate) has neither. */
static void
test_copy_with_and_without_team (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_autoptr(FwMember) aiko = fw_member_new ("Aiko", FW_ROLE_ENGINEER);
  g_autoptr(FwIdea) copy = NULL;
  g_autoptr(FwIdea) alone = NULL;

  fw_idea_set_title (idea, "Churn alert");
  assess (idea, aiko, "2026-12-01T09:00:00Z", "hhhh");
  fw_idea_set_decision (idea, FW_DECISION_ADOPT_POC);
  copy = fw_idea_copy (idea);
  g_assert_true (fw_idea_equal (idea, copy));
  g_assert_cmpuint (fw_idea_get_n_assessments (copy), ==, 1);
  alone = fw_idea_dup_without_team (idea);
  g_assert_false (fw_idea_equal (idea, alone));
  g_assert_cmpstr (fw_idea_get_title (alone), ==, "Churn alert");
  g_assert_cmpuint (fw_idea_get_n_assessments (alone), ==, 0);
  g_assert_cmpint (fw_idea_get_decision (alone), ==, FW_DECISION_NONE);
  /* Changing the copy's assessment leaves the original's alone. */
  {
    g_autoptr(FwMemberAssessment) theirs =
      g_list_model_get_item (fw_idea_get_assessments (copy), 0);

    fw_member_assessment_set_comment (theirs, "changed");
    g_assert_false (fw_idea_equal (idea, copy));
  }
}

/* Taking a member's answer into the idea's agreed assessment is one step to undo,
 * and so is the decision. */
static void
test_take_answer_undo (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_autoptr(FwMember) aiko = fw_member_new ("Aiko", FW_ROLE_ENGINEER);
  g_autoptr(FwHistory) history = fw_history_new ();
  FwMemberAssessment *assessment;

  fw_idea_set_task (idea, FW_TASK_RANKING);
  fw_idea_set_applicability (idea, FW_APPLICABILITY_YES);
  fw_test_judge (idea, "hhhh");
  assessment = assess (idea, aiko, "2026-12-01T09:00:00Z", "bsws");
  fw_history_watch (history, idea);

  fw_idea_set_judgement_from (idea, fw_member_assessment_get_judgement (assessment));
  g_assert_true (fw_idea_get_condition (idea, FW_CONDITION_FULL_ACCURACY));
  g_assert_cmpint (fw_idea_get_evidence (idea, FW_STAGE_TRAFFIC), ==, FW_EVIDENCE_MARKET_DATA);
  g_assert_cmpint (fw_idea_get_answer (idea, FW_QUESTION_HUMAN_FALLBACK), ==, FW_ANSWER_NO);
  g_assert_true (fw_history_undo (history) == idea);
  g_assert_false (fw_idea_get_condition (idea, FW_CONDITION_FULL_ACCURACY));
  g_assert_cmpint (fw_idea_get_evidence (idea, FW_STAGE_TRAFFIC), ==, FW_EVIDENCE_ESTIMATES);
  g_assert_cmpint (fw_idea_get_answer (idea, FW_QUESTION_HUMAN_FALLBACK), ==,
                   FW_ANSWER_UNANSWERED);
  g_assert_false (fw_history_can_undo (history));
  /* Her assessment itself stays as it was. */
  g_assert_true (fw_idea_get_condition (fw_member_assessment_get_judgement (assessment),
                                        FW_CONDITION_FULL_ACCURACY));

  fw_history_break (history);
  fw_idea_set_decision (idea, FW_DECISION_DROP);
  g_assert_true (fw_history_undo (history) == idea);
  g_assert_cmpint (fw_idea_get_decision (idea), ==, FW_DECISION_NONE);
}

/* The file format */

/* Members, assessments (with every judgement field) and a decision survive a round
 * trip, and the bytes are the same the second time. */
static void
test_round_trip (void)
{
  g_autoptr(FwWorkbook) team = make_team (2);
  g_autoptr(FwMember) aiko = fw_member_new ("Aiko", FW_ROLE_DATA_SCIENTIST);
  g_autoptr(FwWorkbook) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  FwMemberAssessment *assessment;
  FwIdea *idea = fw_workbook_get_idea (team, 0);
  FwIdea *judgement;
  const char *text;

  fw_workbook_append_member (team, aiko);
  assessment = assess (idea, aiko, "2026-12-01T09:30:00Z", "bhws");
  judgement = fw_member_assessment_get_judgement (assessment);
  fw_idea_set_condition_note (judgement, FW_CONDITION_FULL_ACCURACY, "finance needs it");
  fw_idea_set_priority (judgement, FW_PRIORITY_URGENCY, FW_LEVEL_HIGH);
  fw_idea_set_text (judgement, FW_IDEA_URGENCY_REASON, "the season starts in March");
  fw_member_assessment_set_comment (assessment, "検索は速さが命");
  fw_idea_set_decision (idea, FW_DECISION_GATHER_EVIDENCE);
  fw_idea_set_decision_rationale (idea, "Split on the customer experience");
  fw_idea_set_decision_date (idea, "2026-12-02");

  bytes = fw_workbook_to_bytes (team);
  text = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (text, "\"members\" : [\n"));
  g_assert_nonnull (strstr (text, "\"assessments\" : [\n"));
  g_assert_nonnull (strstr (text, "\"choice\" : \"gather-evidence\""));
  g_assert_nonnull (strstr (text, "\"role\" : \"data-scientist\""));
  /* The team made the workbook's id, derived from its creation time. */
  g_assert_nonnull (fw_workbook_get_id (team));
  g_assert_nonnull (strstr (text, fw_workbook_get_id (team)));

  loaded = load_bytes (bytes, "team.flywheel");
  g_assert_true (fw_workbook_equal (team, loaded));
  g_assert_cmpuint (fw_workbook_get_n_members (loaded), ==, 1);
  g_assert_cmpstr (fw_member_get_name (fw_workbook_get_member (loaded, 0)), ==, "Aiko");
  {
    FwIdea *got = fw_workbook_get_idea (loaded, 0);
    FwMemberAssessment *back = fw_idea_find_assessment (got, fw_member_get_id (aiko), NULL);
    FwIdea *back_judgement = fw_member_assessment_get_judgement (back);

    g_assert_cmpstr (fw_member_assessment_get_comment (back), ==, "検索は速さが命");
    g_assert_cmpstr (fw_idea_get_text (back_judgement, FW_IDEA_URGENCY_REASON), ==,
                     "the season starts in March");
    g_assert_cmpint (fw_idea_get_evidence (back_judgement, FW_STAGE_DATA), ==,
                     FW_EVIDENCE_OPINIONS);
    g_assert_cmpint (fw_idea_get_decision (got), ==, FW_DECISION_GATHER_EVIDENCE);
    g_assert_cmpstr (fw_idea_get_decision_date (got), ==, "2026-12-02");
  }
  again = fw_workbook_to_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, again));
}

/* The PM's reveal is kept per idea, written only when set, read back, and a value
 * of the wrong type is refused with its place. */
static void
test_revealed_round_trip (void)
{
  g_autoptr(FwWorkbook) team = make_team (2);
  g_autoptr(FwWorkbook) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwIdea) without_team = NULL;
  FwWorkbook *refused;
  const char *text;
  static const char bad[] =
    "{ \"format\": \"flywheel-workbook\", \"version\": 1,\n"
    "  \"ideas\": [ { \"id\": \"i1\", \"title\": \"One\", \"revealed\": \"yes\" } ] }";

  bytes = fw_workbook_to_bytes (team);
  g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "revealed"));
  g_clear_pointer (&bytes, g_bytes_unref);

  fw_idea_set_revealed (fw_workbook_get_idea (team, 1), TRUE);
  bytes = fw_workbook_to_bytes (team);
  text = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (text, "\"revealed\" : true"));
  /* Once: the other idea stays blind and says nothing. */
  g_assert_null (strstr (strstr (text, "\"revealed\"") + 1, "\"revealed\""));

  loaded = load_bytes (bytes, "team.flywheel");
  g_assert_false (fw_idea_get_revealed (fw_workbook_get_idea (loaded, 0)));
  g_assert_true (fw_idea_get_revealed (fw_workbook_get_idea (loaded, 1)));
  g_assert_true (fw_workbook_equal (team, loaded));
  again = fw_workbook_to_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, again));

  /* A member's view starts blind again. */
  without_team = fw_idea_dup_without_team (fw_workbook_get_idea (loaded, 1));
  g_assert_false (fw_idea_get_revealed (without_team));

  refused = fw_workbook_load_from_data (bad, sizeof bad - 1, "bad.flywheel", &error);
  g_assert_null (refused);
  g_assert_error (error, FW_WORKBOOK_ERROR, FW_WORKBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ideas[0].revealed"));
}

/* What a newer Flywheel writes in members, assessments and decisions comes back. */
static void
test_unknown_members_kept (void)
{
  static const char data[] =
    "{ \"format\": \"flywheel-workbook\", \"version\": 1, \"id\": \"wb-1\",\n"
    "  \"members\": [ { \"id\": \"m1\", \"name\": \"Aiko\", \"role\": \"engineer\",\n"
    "                  \"x-avatar\": \"fox\" } ],\n"
    "  \"ideas\": [ { \"id\": \"i1\", \"title\": \"Search\",\n"
    "    \"decision\": { \"choice\": \"park\", \"x-votes\": 3 },\n"
    "    \"assessments\": [ { \"member\": \"m1\", \"made\": \"2026-12-01T09:00:00Z\",\n"
    "      \"x-confidence\": 0.5,\n"
    "      \"stages\": [ { \"stage\": \"customer-experience\", \"x-note\": \"n\" },\n"
    "                  { \"stage\": \"traffic\" }, { \"stage\": \"data\" },\n"
    "                  { \"stage\": \"model\" } ],\n"
    "      \"priority\": { \"importance\": \"high\", \"x-weight\": 2 } } ] } ] }\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) workbook = fw_workbook_load_from_data (data, strlen (data), "new.flywheel",
                                                               &error);
  g_autoptr(GBytes) bytes = NULL;
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpstr (fw_workbook_get_id (workbook), ==, "wb-1");
  bytes = fw_workbook_to_bytes (workbook);
  text = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (text, "\"x-avatar\" : \"fox\""));
  g_assert_nonnull (strstr (text, "\"x-votes\" : 3"));
  g_assert_nonnull (strstr (text, "\"x-confidence\" : 0.5"));
  g_assert_nonnull (strstr (text, "\"x-note\" : \"n\""));
  g_assert_nonnull (strstr (text, "\"x-weight\" : 2"));
  g_assert_nonnull (strstr (text, "\"importance\" : \"high\""));
}

/* The samples, files of the previous version, are written back byte for byte, with
 * no id and no team added. */
static void
test_samples_unchanged (void)
{
  static const char * const samples[] = { "sample-en.flywheel", "sample-ja.flywheel" };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                     samples[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) file = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(FwWorkbook) workbook = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      file = g_bytes_new_take (g_steal_pointer (&contents), length);
      workbook = load_bytes (file, samples[i]);
      g_assert_null (fw_workbook_get_id (workbook));
      g_assert_false (fw_workbook_has_team (workbook));
      saved = fw_workbook_to_bytes (workbook);
      g_assert_true (g_bytes_equal (file, saved));
    }
}

/* Collecting */

static void
test_collect_one (void)
{
  g_autoptr(FwWorkbook) team = make_team (5);
  g_autoptr(FwWorkbook) aiko = make_copy (team, "Aiko", 5, "2026-12-01T09:00:00Z", "hhhh");
  g_autoptr(FwCollect) collect = collect_ok (team, &aiko, 1);
  g_autofree char *summary = fw_collect_format_summary (collect);
  const FwCollectEntry *entry;

  g_assert_cmpstr (summary, ==, "Aiko: 5 ideas assessed");
  g_assert_true (fw_collect_get_changed (collect));
  g_assert_cmpuint (fw_collect_get_n_entries (collect), ==, 1);
  entry = fw_collect_get_entry (collect, 0);
  g_assert_cmpuint (entry->n_assessed, ==, 5);
  g_assert_cmpuint (entry->n_taken, ==, 5);
  g_assert_cmpuint (fw_workbook_get_n_members (team), ==, 1);
  for (guint i = 0; i < 5; i++)
    g_assert_nonnull (fw_idea_find_assessment (fw_workbook_get_idea (team, i), "member-Aiko",
                                               NULL));
  /* The copy and the team share the id derived from the creation time. */
  g_assert_cmpstr (fw_workbook_get_id (team), ==, fw_workbook_get_id (aiko));
}

/* Three members, one of whom added an idea in her copy; every order of the copies
 * gives the same bytes, and collecting again changes nothing. */
static void
test_collect_three_every_order (void)
{
  static const guint orders[6][3] = {
    { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 }, { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 }
  };
  g_autoptr(FwWorkbook) base = make_team (5);
  g_autoptr(FwWorkbook) first = NULL;
  FwWorkbook *copies[3];

  copies[0] = make_copy (base, "Aiko", 5, "2026-12-01T09:00:00Z", "hhhh");
  copies[1] = make_copy (base, "Ben", 4, "2026-12-01T09:05:00Z", "bhws");
  copies[2] = make_copy (base, "Chie", 2, "2026-12-01T09:10:00Z", "sssu");
  {
    g_autoptr(FwIdea) added = fw_idea_new ();
    g_autoptr(FwMember) ben = g_object_ref (fw_workbook_find_member (copies[1], "member-Ben",
                                                                     NULL));

    fw_idea_set_text (added, FW_IDEA_ID, "idea-from-ben");
    fw_idea_set_title (added, "Voice search");
    fw_workbook_append_idea (copies[1], added);
    assess (added, ben, "2026-12-01T09:06:00Z", "hhhh");
  }

  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    {
      g_autoptr(FwWorkbook) team = reload (base);
      g_autoptr(FwCollect) collect = NULL;
      g_autoptr(FwCollect) again = NULL;
      g_autofree char *summary = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      FwWorkbook *ordered[3];

      for (guint i = 0; i < 3; i++)
        ordered[i] = copies[orders[o][i]];
      collect = collect_ok (team, ordered, 3);
      summary = fw_collect_format_summary (collect);
      g_assert_cmpstr (summary, ==,
                       "Aiko: 5 ideas assessed; Ben: 4 ideas assessed, 1 new idea; "
                       "Chie: 2 ideas assessed");
      g_assert_cmpuint (fw_collect_get_n_new_ideas (collect), ==, 1);
      g_assert_cmpstr (fw_idea_get_title (fw_collect_get_new_idea (collect, 0)), ==,
                       "Voice search");
      g_assert_cmpstr (fw_collect_get_new_idea_from (collect, 0), ==, "Ben");
      /* Offered, not added. */
      g_assert_cmpuint (fw_workbook_get_n_ideas (team), ==, 5);
      g_assert_cmpuint (fw_idea_get_n_assessments (fw_workbook_get_idea (team, 0)), ==, 3);
      g_assert_cmpuint (fw_idea_get_n_assessments (fw_workbook_get_idea (team, 4)), ==, 1);

      if (first == NULL)
        first = g_object_ref (team);
      else
        assert_same_bytes (first, team);

      before = fw_workbook_to_bytes (team);
      again = collect_ok (team, ordered, 3);
      g_assert_false (fw_collect_get_changed (again));
      {
        g_autofree char *again_summary = fw_collect_format_summary (again);

        g_assert_cmpstr (again_summary, ==,
                         "Aiko: 5 ideas assessed, all collected before; Ben: 4 ideas "
                         "assessed, all collected before, 1 new idea; Chie: 2 ideas "
                         "assessed, all collected before");
      }
      after = fw_workbook_to_bytes (team);
      g_assert_true (g_bytes_equal (before, after));
    }
  for (guint i = 0; i < 3; i++)
    g_object_unref (copies[i]);
}

/* Eight members: forwards, backwards and shuffled, one at a time or all at once. */
static void
test_collect_eight (void)
{
  static const char * const names[] = { "Aiko", "Ben", "Chie", "Dai", "Emi", "Fumi", "Goro",
                                        "Hana" };
  static const char * const codes[] = { "hhhh", "hhhs", "whhh", "bhhh", "hbhh", "hhbh",
                                        "hhhb", "ssss" };
  static const guint shuffled[8] = { 5, 2, 7, 0, 3, 6, 1, 4 };
  g_autoptr(FwWorkbook) base = make_team (6);
  g_autoptr(FwWorkbook) forwards = reload (base);
  g_autoptr(FwWorkbook) backwards = reload (base);
  g_autoptr(FwWorkbook) shuffle = reload (base);
  g_autoptr(FwWorkbook) one_by_one = reload (base);
  g_autoptr(FwCollect) collect = NULL;
  FwWorkbook *copies[8], *reversed[8], *mixed[8];

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *made = g_strdup_printf ("2026-12-01T10:%02u:00Z", i);

      copies[i] = make_copy (base, names[i], 6, made, codes[i]);
    }
  for (guint i = 0; i < 8; i++)
    {
      reversed[i] = copies[7 - i];
      mixed[i] = copies[shuffled[i]];
    }
  collect = collect_ok (forwards, copies, 8);
  g_assert_cmpuint (fw_collect_get_n_entries (collect), ==, 8);
  g_assert_cmpuint (fw_workbook_get_n_members (forwards), ==, 8);
  /* Members the team did not know are added by name. */
  for (guint i = 0; i < 8; i++)
    g_assert_cmpstr (fw_member_get_name (fw_workbook_get_member (forwards, i)), ==, names[i]);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpuint (fw_idea_get_n_assessments (fw_workbook_get_idea (forwards, i)), ==, 8);
  g_clear_pointer (&collect, fw_collect_free);

  collect = collect_ok (backwards, reversed, 8);
  g_clear_pointer (&collect, fw_collect_free);
  collect = collect_ok (shuffle, mixed, 8);
  g_clear_pointer (&collect, fw_collect_free);
  for (guint i = 0; i < 8; i++)
    {
      collect = collect_ok (one_by_one, &mixed[i], 1);
      g_clear_pointer (&collect, fw_collect_free);
    }
  assert_same_bytes (forwards, backwards);
  assert_same_bytes (forwards, shuffle);
  /* One at a time adds each member as they come: only the members' order differs. */
  g_assert_cmpuint (fw_workbook_get_n_members (one_by_one), ==, 8);
  for (guint i = 0; i < 6; i++)
    for (guint m = 0; m < 8; m++)
      {
        g_autofree char *id = g_strdup_printf ("member-%s", names[m]);
        FwMemberAssessment *a = fw_idea_find_assessment (fw_workbook_get_idea (forwards, i), id,
                                                         NULL);
        FwMemberAssessment *b = fw_idea_find_assessment (fw_workbook_get_idea (one_by_one, i), id,
                                                         NULL);

        g_assert_true (fw_member_assessment_equal (a, b));
      }
  for (guint i = 0; i < 8; i++)
    g_object_unref (copies[i]);
}

/* A member's later assessment replaces their earlier one; an older one does not;
 * the others' stay as they were. */
static void
test_collect_replaces_by_time (void)
{
  g_autoptr(FwWorkbook) base = make_team (2);
  g_autoptr(FwWorkbook) first = make_copy (base, "Aiko", 2, "2026-12-01T09:00:00Z", "wwww");
  g_autoptr(FwWorkbook) team = reload (base);
  g_autoptr(FwWorkbook) ben = make_copy (base, "Ben", 2, "2026-12-01T08:00:00Z", "hhhh");
  g_autoptr(FwWorkbook) later = NULL;
  g_autoptr(FwWorkbook) older = NULL;
  g_autoptr(FwCollect) collect = NULL;
  FwMemberAssessment *got;
  FwWorkbook *both[2];

  both[0] = first;
  both[1] = ben;
  collect = collect_ok (team, both, 2);
  g_clear_pointer (&collect, fw_collect_free);

  /* Aiko changes her mind about idea 0 later in her copy. */
  later = reload (first);
  got = fw_idea_find_assessment (fw_workbook_get_idea (later, 0), "member-Aiko", NULL);
  fw_test_judge (fw_member_assessment_get_judgement (got), "ssss");
  fw_member_assessment_set_made (got, "2026-12-01T11:00:00Z");
  /* An older version of her copy has an earlier assessment of idea 1. */
  older = reload (first);
  got = fw_idea_find_assessment (fw_workbook_get_idea (older, 1), "member-Aiko", NULL);
  fw_test_judge (fw_member_assessment_get_judgement (got), "bbbb");
  fw_member_assessment_set_made (got, "2026-12-01T07:00:00Z");

  both[0] = older;
  both[1] = later;
  collect = collect_ok (team, both, 2);
  g_assert_true (fw_collect_get_changed (collect));
  g_assert_cmpuint (fw_collect_get_entry (collect, 0)->n_taken, ==, 1);
  {
    g_autofree char *summary = fw_collect_format_summary (collect);

    /* Of the two ideas Aiko assessed only the later one came in. */
    g_assert_cmpstr (summary, ==, "Aiko: 2 ideas assessed (1 collected before)");
  }

  got = fw_idea_find_assessment (fw_workbook_get_idea (team, 0), "member-Aiko", NULL);
  g_assert_cmpstr (fw_member_assessment_get_made (got), ==, "2026-12-01T11:00:00Z");
  g_assert_cmpint (fw_idea_get_evidence (fw_member_assessment_get_judgement (got), 0), ==,
                   FW_EVIDENCE_MARKET_DATA);
  got = fw_idea_find_assessment (fw_workbook_get_idea (team, 1), "member-Aiko", NULL);
  g_assert_cmpstr (fw_member_assessment_get_made (got), ==, "2026-12-01T09:00:00Z");
  g_assert_cmpint (fw_idea_get_evidence (fw_member_assessment_get_judgement (got), 0), ==,
                   FW_EVIDENCE_OPINIONS);
  /* Ben's, and Aiko's place in each idea, unchanged. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(FwMemberAssessment) second =
        g_list_model_get_item (fw_idea_get_assessments (fw_workbook_get_idea (team, i)), 1);

      g_assert_cmpstr (fw_member_assessment_get_member_id (second), ==, "member-Ben");
      g_assert_cmpstr (fw_member_assessment_get_made (second), ==, "2026-12-01T08:00:00Z");
    }
}

/* An idea deleted in a copy stays in the team's workbook, its assessments too; the
 * team's own fields and decisions are not taken from copies. */
static void
test_collect_deleted_idea (void)
{
  g_autoptr(FwWorkbook) team = make_team (3);
  g_autoptr(FwMember) pm = fw_member_new ("Pat", FW_ROLE_PRODUCT_MANAGER);
  g_autoptr(FwWorkbook) copy = NULL;
  g_autoptr(FwCollect) collect = NULL;
  guint position;

  fw_member_set_id (pm, "member-Pat");
  fw_workbook_append_member (team, pm);
  assess (fw_workbook_get_idea (team, 1), pm, "2026-12-01T08:00:00Z", "hhhh");
  fw_idea_set_decision (fw_workbook_get_idea (team, 2), FW_DECISION_PARK);
  copy = make_copy (team, "Aiko", 3, "2026-12-01T09:00:00Z", "wwww");
  g_assert_nonnull (fw_workbook_find_idea (copy, "idea-0001", &position));
  fw_workbook_remove_idea (copy, position);
  fw_idea_set_title (fw_workbook_get_idea (copy, 0), "Renamed in the copy");
  fw_idea_set_decision (fw_workbook_get_idea (copy, 1), FW_DECISION_DROP);

  collect = collect_ok (team, &copy, 1);
  g_assert_cmpuint (fw_workbook_get_n_ideas (team), ==, 3);
  g_assert_cmpuint (fw_collect_get_entry (collect, 0)->n_assessed, ==, 2);
  g_assert_cmpuint (fw_idea_get_n_assessments (fw_workbook_get_idea (team, 1)), ==, 1);
  g_assert_nonnull (fw_idea_find_assessment (fw_workbook_get_idea (team, 1), "member-Pat", NULL));
  g_assert_cmpstr (fw_idea_get_title (fw_workbook_get_idea (team, 0)), ==, "Idea 0");
  g_assert_cmpint (fw_idea_get_decision (fw_workbook_get_idea (team, 2)), ==, FW_DECISION_PARK);
  g_assert_cmpuint (fw_collect_get_n_new_ideas (collect), ==, 0);
}

/* A file of another workbook is refused by name, and nothing changes. */
static void
test_collect_other_workbook (void)
{
  g_autoptr(FwWorkbook) team = make_team (2);
  g_autoptr(FwWorkbook) aiko = make_copy (team, "Aiko", 2, "2026-12-01T09:00:00Z", "hhhh");
  g_autoptr(FwWorkbook) other = make_team (2);
  g_autoptr(FwWorkbook) stranger = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  FwCollect *collect;
  FwWorkbook *copies[2];
  const char *names[] = { "aiko.flywheel", "checkout.flywheel" };

  fw_workbook_set_title (other, "Checkout");
  fw_workbook_set_text (other, FW_WORKBOOK_CREATED, "2026-10-01T08:00:00Z");
  stranger = make_copy (other, "Ben", 2, "2026-12-01T09:00:00Z", "hhhh");
  copies[0] = aiko;
  copies[1] = stranger;

  before = fw_workbook_to_bytes (team);
  collect = fw_collect (team, copies, names, 2, &error);
  g_assert_null (collect);
  g_assert_error (error, FW_COLLECT_ERROR, FW_COLLECT_ERROR_OTHER_WORKBOOK);
  g_assert_cmpstr (error->message, ==,
                   "checkout.flywheel: a copy of another workbook, “Checkout”, not of “Team”; "
                   "nothing was collected");
  after = fw_workbook_to_bytes (team);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_null (fw_workbook_get_id (team));

  /* Another workbook of the same title: not named twice as if it were this one. */
  g_clear_error (&error);
  fw_workbook_set_title (other, "Team");
  g_clear_object (&stranger);
  stranger = make_copy (other, "Ben", 2, "2026-12-01T09:00:00Z", "hhhh");
  copies[1] = stranger;
  collect = fw_collect (team, copies, names, 2, &error);
  g_assert_null (collect);
  g_assert_cmpstr (error->message, ==,
                   "checkout.flywheel: another workbook titled “Team” too, made apart from "
                   "this one, not a copy of it; nothing was collected");
}

/* Members a copy knows and the team does not are added, even without assessments;
 * known members keep the team's name for them. */
static void
test_collect_unknown_members (void)
{
  g_autoptr(FwWorkbook) team = make_team (1);
  g_autoptr(FwMember) aiko = fw_member_new ("Aiko", FW_ROLE_ENGINEER);
  g_autoptr(FwMember) dana = fw_member_new ("Dana", FW_ROLE_DESIGNER);
  g_autoptr(FwWorkbook) copy = NULL;
  g_autoptr(FwCollect) collect = NULL;
  g_autofree char *summary = NULL;

  fw_member_set_id (aiko, "member-Aiko");
  fw_workbook_append_member (team, aiko);
  copy = make_copy (team, "Aiko", 1, "2026-12-01T09:00:00Z", "hhhh");
  fw_member_set_name (fw_workbook_find_member (copy, "member-Aiko", NULL), "Aiko S.");
  fw_workbook_append_member (copy, dana);

  collect = collect_ok (team, &copy, 1);
  g_assert_cmpuint (fw_workbook_get_n_members (team), ==, 2);
  g_assert_cmpstr (fw_member_get_name (fw_workbook_get_member (team, 0)), ==, "Aiko");
  g_assert_cmpstr (fw_member_get_name (fw_workbook_get_member (team, 1)), ==, "Dana");
  g_assert_cmpint (fw_member_get_role (fw_workbook_get_member (team, 1)), ==, FW_ROLE_DESIGNER);
  summary = fw_collect_format_summary (collect);
  g_assert_cmpstr (summary, ==, "Aiko: 1 idea assessed");
}

/* Disagreement: rows A1–A9 of docs/rules.md ("The team's agreement"), one each. */

typedef struct
{
  const char *row;
  const char *codes[4];  /* NULL-terminated: one member each */
  int         agreement;
} AgreementRow;

static const AgreementRow agreement_rows[] = {
  { "A1 every member sees every stage alike", { "hhhh", "hhhh", "hhhh" }, 100 },
  { "A2 one stage weak for one, strong for another", { "hhhh", "whhh", "shhh" }, 83 },
  { "A3 one stage weak for one, holds for another", { "hhhh", "hhwh" }, 92 },
  { "A4 one stage split: broken for one, holds for another", { "hhhh", "bhhh" }, 75 },
  { "A5 one stage broken for one, weak for another", { "whhh", "bhhh" }, 92 },
  { "A6 every stage split", { "hhhh", "bbbb" }, 0 },
  { "A7 a stage only one member answered is not counted", { "whuu", "huuu" }, 67 },
  { "A8 one assessment: no figure", { "hbws" }, -1 },
  { "A9 no stage answered by two members: no figure", { "huuu", "uhuu" }, -1 },
};

static void
test_agreement_rows (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (agreement_rows); r++)
    {
      const AgreementRow *row = &agreement_rows[r];
      g_autoptr(FwIdea) idea = fw_idea_new ();

      fw_idea_set_task (idea, FW_TASK_RANKING);
      fw_idea_set_applicability (idea, FW_APPLICABILITY_YES);
      for (guint m = 0; m < G_N_ELEMENTS (row->codes) && row->codes[m]; m++)
        {
          g_autofree char *name = g_strdup_printf ("m%u", m);
          g_autoptr(FwMember) member = fw_member_new (name, FW_ROLE_OTHER);

          assess (idea, member, "2026-12-01T09:00:00Z", row->codes[m]);
        }
      if (fw_team_agreement (idea) != row->agreement)
        g_error ("%s: agreement %d, expected %d", row->row, fw_team_agreement (idea),
                 row->agreement);
    }
}

static void
test_spread (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_autoptr(FwMember) a = fw_member_new ("A", FW_ROLE_OTHER);
  g_autoptr(FwMember) b = fw_member_new ("B", FW_ROLE_OTHER);
  g_autoptr(FwMember) c = fw_member_new ("C", FW_ROLE_OTHER);
  FwTeamSpread spread;

  fw_idea_set_task (idea, FW_TASK_RANKING);
  fw_idea_set_applicability (idea, FW_APPLICABILITY_YES);
  assess (idea, a, "2026-12-01T09:00:00Z", "bwhu");
  assess (idea, b, "2026-12-01T09:00:00Z", "swhu");
  assess (idea, c, "2026-12-01T09:00:00Z", "hwsu");
  fw_team_spread_compute (idea, &spread);
  g_assert_cmpuint (spread.n_assessments, ==, 3);
  g_assert_cmpint (spread.weakest[0], ==, FW_STAGE_STATE_BROKEN);
  g_assert_cmpint (spread.strongest[0], ==, FW_STAGE_STATE_STRONG);
  g_assert_true (spread.split[0]);
  g_assert_cmpint (spread.weakest[1], ==, FW_STAGE_STATE_WEAK);
  g_assert_cmpint (spread.strongest[1], ==, FW_STAGE_STATE_WEAK);
  g_assert_false (spread.split[1]);
  g_assert_cmpint (spread.weakest[2], ==, FW_STAGE_STATE_HOLDS);
  g_assert_cmpint (spread.strongest[2], ==, FW_STAGE_STATE_STRONG);
  g_assert_cmpint (spread.weakest[3], ==, FW_STAGE_STATE_UNANSWERED);
  g_assert_cmpuint (spread.n_answered[3], ==, 0);
  /* (3 + 0 + 1) thirds over 3 stages: 100 − 44.4 */
  g_assert_cmpint (spread.agreement, ==, 56);
}

static void
test_order_by_disagreement (void)
{
  g_autoptr(FwWorkbook) workbook = make_team (4);
  g_autoptr(FwMember) a = fw_member_new ("A", FW_ROLE_OTHER);
  g_autoptr(FwMember) b = fw_member_new ("B", FW_ROLE_OTHER);
  g_autoptr(GPtrArray) order = NULL;

  /* idea 0: no figure; 1: 92; 2: 75; 3: 100 */
  assess (fw_workbook_get_idea (workbook, 1), a, "2026-12-01T09:00:00Z", "hhhh");
  assess (fw_workbook_get_idea (workbook, 1), b, "2026-12-01T09:00:00Z", "hhwh");
  assess (fw_workbook_get_idea (workbook, 2), a, "2026-12-01T09:00:00Z", "hhhh");
  assess (fw_workbook_get_idea (workbook, 2), b, "2026-12-01T09:00:00Z", "hbhh");
  assess (fw_workbook_get_idea (workbook, 3), a, "2026-12-01T09:00:00Z", "hhhh");
  assess (fw_workbook_get_idea (workbook, 3), b, "2026-12-01T09:00:00Z", "hhhh");
  for (guint i = 1; i <= 3; i++)
    fw_idea_set_revealed (fw_workbook_get_idea (workbook, i), TRUE);
  order = fw_team_order_by_disagreement (workbook);
  g_assert_cmpuint (order->len, ==, 4);
  g_assert_cmpstr (fw_idea_get_id (g_ptr_array_index (order, 0)), ==, "idea-0002");
  g_assert_cmpstr (fw_idea_get_id (g_ptr_array_index (order, 1)), ==, "idea-0001");
  g_assert_cmpstr (fw_idea_get_id (g_ptr_array_index (order, 2)), ==, "idea-0003");
  g_assert_cmpstr (fw_idea_get_id (g_ptr_array_index (order, 3)), ==, "idea-0000");

  /* Hidden until revealed: after the ideas without a figure, whatever its figure. */
  g_clear_pointer (&order, g_ptr_array_unref);
  fw_idea_set_revealed (fw_workbook_get_idea (workbook, 2), FALSE);
  order = fw_team_order_by_disagreement (workbook);
  g_assert_cmpstr (fw_idea_get_id (g_ptr_array_index (order, 0)), ==, "idea-0001");
  g_assert_cmpstr (fw_idea_get_id (g_ptr_array_index (order, 1)), ==, "idea-0003");
  g_assert_cmpstr (fw_idea_get_id (g_ptr_array_index (order, 2)), ==, "idea-0000");
  g_assert_cmpstr (fw_idea_get_id (g_ptr_array_index (order, 3)), ==, "idea-0002");
}

/* An idea the PM deleted after handing out the copies stays deleted: the version
 * a copy was made from had it, so it is left out and said so; an idea the member
 * added is still offered. Without that version both are offered. */
static void
test_collect_deleted_since (void)
{
  g_autoptr(FwWorkbook) handed_out = make_team (3);
  g_autoptr(FwWorkbook) base = reload (handed_out);
  g_autoptr(FwWorkbook) team = reload (handed_out);
  g_autoptr(FwWorkbook) ben = make_copy (handed_out, "Ben", 3, "2026-12-01T09:00:00Z", "hhhh");
  g_autoptr(FwIdea) added = fw_idea_new ();
  g_autoptr(FwCollect) collect = NULL;
  g_autoptr(FwCollect) blind = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const char *names[] = { "ben.flywheel" };
  const char * const *left_out;

  fw_idea_set_text (added, FW_IDEA_ID, "idea-from-ben");
  fw_idea_set_title (added, "Voice search");
  fw_workbook_append_idea (ben, added);
  /* The PM deletes Idea 1 after handing out the copies. */
  fw_workbook_remove_idea (team, 1);

  collect = fw_collect_with_bases (team, &ben, &base, names, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_collect_get_n_new_ideas (collect), ==, 1);
  g_assert_cmpstr (fw_idea_get_title (fw_collect_get_new_idea (collect, 0)), ==, "Voice search");
  left_out = fw_collect_get_left_out (collect);
  g_assert_cmpstr (left_out[0], ==, "Idea 1");
  g_assert_null (left_out[1]);
  summary = fw_collect_format_summary (collect);
  g_assert_cmpstr (summary, ==,
                   "Ben: 2 ideas assessed; ben.flywheel: 1 new idea; left out as deleted from "
                   "this workbook since the copies were made: “Idea 1”");
  g_assert_null (fw_workbook_find_idea (team, "idea-0001", NULL));

  blind = fw_collect (team, &ben, names, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_collect_get_n_new_ideas (blind), ==, 2);
  g_assert_null (fw_collect_get_left_out (blind)[0]);
}

/* Who may reveal: anyone while the team has no product manager; then only a
 * product manager — a member by their role in the team, someone not in it yet by
 * the role they gave in Preferences, no one who has not said who they are. */
static void
test_may_lead (void)
{
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  g_autoptr(FwMember) aiko = fw_member_new ("Aiko", FW_ROLE_ENGINEER);
  g_autoptr(FwMember) mika = fw_member_new ("Mika", FW_ROLE_PRODUCT_MANAGER);

  g_assert_true (fw_team_may_lead (workbook, NULL, FW_ROLE_OTHER));
  fw_workbook_append_member (workbook, aiko);
  g_assert_true (fw_team_may_lead (workbook, NULL, FW_ROLE_OTHER));
  g_assert_true (fw_team_may_lead (workbook, fw_member_get_id (aiko), FW_ROLE_ENGINEER));

  fw_workbook_append_member (workbook, mika);
  g_assert_false (fw_team_may_lead (workbook, NULL, FW_ROLE_PRODUCT_MANAGER));
  g_assert_false (fw_team_may_lead (workbook, fw_member_get_id (aiko), FW_ROLE_ENGINEER));
  /* The team's role counts, not what Aiko's Preferences say. */
  g_assert_false (fw_team_may_lead (workbook, fw_member_get_id (aiko),
                                      FW_ROLE_PRODUCT_MANAGER));
  g_assert_true (fw_team_may_lead (workbook, fw_member_get_id (mika), FW_ROLE_OTHER));
  g_assert_true (fw_team_may_lead (workbook, "someone-new", FW_ROLE_PRODUCT_MANAGER));
  g_assert_false (fw_team_may_lead (workbook, "someone-new", FW_ROLE_DESIGNER));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/team/member", test_member);
  g_test_add_func ("/team/assessment/view", test_assessment_view);
  g_test_add_func ("/team/assessment/changes-idea", test_assessment_changes_idea);
  g_test_add_func ("/team/assessment/replaces", test_set_assessment_replaces);
  g_test_add_func ("/team/assessment/copy", test_copy_with_and_without_team);
  g_test_add_func ("/team/assessment/take-answer-undo", test_take_answer_undo);
  g_test_add_func ("/team/file/round-trip", test_round_trip);
  g_test_add_func ("/team/file/revealed", test_revealed_round_trip);
  g_test_add_func ("/team/file/unknown-members-kept", test_unknown_members_kept);
  g_test_add_func ("/team/file/samples-unchanged", test_samples_unchanged);
  g_test_add_func ("/team/collect/one", test_collect_one);
  g_test_add_func ("/team/collect/three-every-order", test_collect_three_every_order);
  g_test_add_func ("/team/collect/eight", test_collect_eight);
  g_test_add_func ("/team/collect/replaces-by-time", test_collect_replaces_by_time);
  g_test_add_func ("/team/collect/deleted-idea", test_collect_deleted_idea);
  g_test_add_func ("/team/collect/deleted-since", test_collect_deleted_since);
  g_test_add_func ("/team/collect/other-workbook", test_collect_other_workbook);
  g_test_add_func ("/team/collect/unknown-members", test_collect_unknown_members);
  g_test_add_func ("/team/may-lead", test_may_lead);
  g_test_add_func ("/team/agreement/rows", test_agreement_rows);
  g_test_add_func ("/team/agreement/spread", test_spread);
  g_test_add_func ("/team/agreement/order", test_order_by_disagreement);

  return g_test_run ();
}

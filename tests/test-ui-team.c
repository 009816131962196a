/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The team round in the window (issue #17): blind until revealed, taking a member's
 * answer and undoing it, the decision and undo, collecting member copies, and the
 * Disagreement section's order. */

#include "config.h"

#include <adwaita.h>

#include "fw-core.h"
#include "fw-disagreement-page.h"
#include "fw-team-panel.h"
#include "fw-test-team.h"
#include "fw-test-ui.h"
#include "fw-window.h"

/* Three ranking ideas the team sees alike in all but one stage: Idea 0 alike
 * (A1, 100), Idea 1 split on the customer experience (A4, 75), Idea 2 weak for
 * Ben where Aiko sees it hold (A3, 92). */
static FwWorkbook *
make_team (FwMember **aiko,
           FwMember **ben)
{
  FwWorkbook *workbook = fw_workbook_new ();
  static const char *ben_codes[] = { "hhhh", "bhhh", "whhh" };

  fw_workbook_set_title (workbook, "Team");
  fw_workbook_set_text (workbook, FW_WORKBOOK_CREATED, "2026-11-30T08:00:00Z");
  *aiko = fw_member_new ("Aiko", FW_ROLE_ENGINEER);
  *ben = fw_member_new ("Ben", FW_ROLE_DATA_SCIENTIST);
  fw_workbook_append_member (workbook, *aiko);
  fw_workbook_append_member (workbook, *ben);
  for (guint i = 0; i < G_N_ELEMENTS (ben_codes); i++)
    {
      g_autoptr(FwIdea) idea = fw_idea_new ();
      g_autofree char *id = g_strdup_printf ("idea-%04u", i);
      g_autofree char *title = g_strdup_printf ("Idea %u", i);

      fw_idea_set_text (idea, FW_IDEA_ID, id);
      fw_idea_set_title (idea, title);
      fw_idea_set_task (idea, FW_TASK_RANKING);
      fw_idea_set_applicability (idea, FW_APPLICABILITY_YES);
      judge (idea, "hhhh");
      assess (idea, *aiko, "2026-12-01T09:00:00Z", "hhhh");
      assess (idea, *ben, "2026-12-01T09:05:00Z", ben_codes[i]);
      fw_workbook_append_idea (workbook, idea);
    }
  return workbook;
}

static FwTeamPanel *
show (FwWindow *window,
      guint     position)
{
  g_assert_true (fw_window_select_idea (window, position));
  fw_test_spin ();
  return FW_TEAM_PANEL (fw_test_find_by_type (GTK_WIDGET (window), FW_TYPE_TEAM_PANEL));
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  GtkWidget *label = fw_test_find_by_name (root, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
click (GtkWidget  *root,
       const char *name)
{
  GtkWidget *button = fw_test_find_by_name (root, name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_signal_emit_by_name (button, "clicked");
  fw_test_spin ();
}

/* Aiko sees Ben's assessment neither in the list nor in the figure until the PM
 * reveals it: for one idea, then for every idea. */
static void
test_blind_until_revealed (void)
{
  g_autoptr(FwMember) aiko = NULL;
  g_autoptr(FwMember) ben = NULL;
  g_autoptr(FwWorkbook) workbook = make_team (&aiko, &ben);
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  FwIdea *split = fw_workbook_get_idea (workbook, 1);
  FwIdea *weak = fw_workbook_get_idea (workbook, 2);
  FwTeamPanel *panel;
  GtkWidget *root;

  gtk_window_present (GTK_WINDOW (window));
  panel = show (window, 1);
  root = GTK_WIDGET (panel);
  fw_team_panel_set_me (panel, fw_member_get_id (aiko), "Aiko", FW_ROLE_ENGINEER);
  fw_test_spin ();

  g_assert_true (g_str_has_prefix (label_text (root, "my-assessment"), "Yours: "));
  g_assert_cmpstr (label_text (root, "others"), ==,
                   "1 other member assessed this idea. Their assessment stays hidden until "
                   "revealed, so that no one’s judgement anchors yours.");
  g_assert_false (gtk_widget_get_visible (fw_test_find_by_name (root, "members")));
  g_assert_false (gtk_widget_get_visible (fw_test_find_by_name (root, "agreement")));
  g_assert_null (fw_test_find_by_name (root, "take-answer"));
  g_assert_false (fw_team_panel_get_revealed (panel));

  click (root, "reveal");
  g_assert_true (fw_idea_get_revealed (split));
  g_assert_false (fw_idea_get_revealed (weak));
  g_assert_true (gtk_widget_get_visible (fw_test_find_by_name (root, "members")));
  g_assert_cmpstr (label_text (root, "agreement"), ==, "Agreement 75 of 100");
  /* Ben's row only: Aiko's own is above, as hers. */
  g_assert_nonnull (fw_test_find_by_name (root, "take-answer"));
  g_assert_false (gtk_widget_get_visible (fw_test_find_by_name (root, "others")));

  /* The reveal was for that idea: the next one is still blind. */
  show (window, 2);
  g_assert_false (gtk_widget_get_visible (fw_test_find_by_name (root, "members")));
  g_assert_null (fw_test_find_by_name (root, "take-answer"));

  click (root, "reveal-all");
  for (guint i = 0; i < fw_workbook_get_n_ideas (workbook); i++)
    g_assert_true (fw_idea_get_revealed (fw_workbook_get_idea (workbook, i)));
  g_assert_cmpstr (label_text (root, "agreement"), ==, "Agreement 92 of 100");
  g_assert_false (gtk_widget_is_visible (fw_test_find_by_name (root, "reveal")));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Once the team has a product manager, only they lead the round: a member sees
 * Reveal, the decision and Take This Answer greyed and why, and pressing them
 * anyway changes nothing. */
static void
test_only_pm_leads (void)
{
  g_autoptr(FwMember) aiko = NULL;
  g_autoptr(FwMember) ben = NULL;
  g_autoptr(FwWorkbook) workbook = make_team (&aiko, &ben);
  g_autoptr(FwMember) mika = fw_member_new ("Mika", FW_ROLE_PRODUCT_MANAGER);
  FwWindow *window;
  FwIdea *split = fw_workbook_get_idea (workbook, 1);
  FwTeamPanel *panel;
  GtkWidget *root;

  fw_workbook_append_member (workbook, mika);
  window = fw_window_new (NULL, NULL, workbook, NULL);
  gtk_window_present (GTK_WINDOW (window));
  panel = show (window, 1);
  root = GTK_WIDGET (panel);

  fw_team_panel_set_me (panel, fw_member_get_id (aiko), "Aiko", FW_ROLE_ENGINEER);
  fw_test_spin ();
  g_assert_false (gtk_widget_is_sensitive (fw_test_find_by_name (root, "reveal")));
  g_assert_false (gtk_widget_is_sensitive (fw_test_find_by_name (root, "reveal-all")));
  g_assert_true (g_str_has_suffix (label_text (root, "others"),
                                   "anchors yours. Only the team’s product manager reveals "
                                   "them."));
  g_signal_emit_by_name (fw_test_find_by_name (root, "reveal"), "clicked");
  g_signal_emit_by_name (fw_test_find_by_name (root, "reveal-all"), "clicked");
  fw_test_spin ();
  g_assert_false (fw_idea_get_revealed (split));
  /* Nor does a member record the team's decision. */
  g_assert_false (gtk_widget_is_sensitive (fw_test_find_by_name (root, "decision")));
  g_assert_false (gtk_widget_is_sensitive (fw_test_find_by_name (root, "decision-rationale")));
  g_assert_true (gtk_widget_get_visible (fw_test_find_by_name (root, "decision-hint")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (fw_test_find_by_name (root, "decision")),
                              FW_DECISION_PARK);
  fw_test_spin ();
  g_assert_cmpint (fw_idea_get_decision (split), ==, FW_DECISION_NONE);

  /* Not said who they are: they are told where to. */
  fw_team_panel_set_me (panel, NULL, NULL, FW_ROLE_OTHER);
  fw_test_spin ();
  g_assert_false (gtk_widget_is_sensitive (fw_test_find_by_name (root, "reveal")));
  g_assert_true (g_str_has_suffix (label_text (root, "others"),
                                   "if that is you, say who you are in Preferences."));

  fw_team_panel_set_me (panel, fw_member_get_id (mika), "Mika", FW_ROLE_PRODUCT_MANAGER);
  fw_test_spin ();
  g_assert_true (gtk_widget_is_sensitive (fw_test_find_by_name (root, "reveal")));
  click (root, "reveal");
  g_assert_true (fw_idea_get_revealed (split));
  g_assert_true (gtk_widget_is_sensitive (fw_test_find_by_name (root, "decision")));
  g_assert_true (gtk_widget_is_sensitive (fw_test_find_by_name (root, "take-answer")));
  g_assert_false (gtk_widget_get_visible (fw_test_find_by_name (root, "decision-hint")));

  /* Revealed, Ben's answer shows to Aiko too, but she cannot take it. */
  fw_team_panel_set_me (panel, fw_member_get_id (aiko), "Aiko", FW_ROLE_ENGINEER);
  fw_test_spin ();
  g_assert_false (gtk_widget_is_sensitive (fw_test_find_by_name (root, "take-answer")));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* My assessment, saved from a view of the idea judged my way, joins me to a
 * workbook without a team, computes my own verdict, and leaves the idea's agreed
 * judgement alone; saving the same again changes nothing. */
static void
test_my_assessment_joins (void)
{
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_autoptr(FwIdea) view = NULL;
  FwWindow *window;
  FwTeamPanel *panel;
  FwMemberAssessment *mine;
  g_autofree char *made = NULL;

  fw_idea_set_title (idea, "Voice search");
  fw_idea_set_task (idea, FW_TASK_RANKING);
  fw_idea_set_applicability (idea, FW_APPLICABILITY_YES);
  judge (idea, "hhhh");
  fw_workbook_append_idea (workbook, idea);
  window = fw_window_new (NULL, NULL, workbook, NULL);
  gtk_window_present (GTK_WINDOW (window));
  panel = show (window, 0);
  g_assert_cmpstr (label_text (GTK_WIDGET (panel), "my-assessment"), ==,
                   "Say who you are in Preferences to assess this idea yourself.");
  fw_team_panel_set_me (panel, "m-dana", "Dana", FW_ROLE_PRODUCT_MANAGER);
  fw_test_spin ();
  g_assert_cmpstr (label_text (GTK_WIDGET (panel), "my-assessment"), ==,
                   "You have not assessed this idea yet.");

  view = fw_idea_dup_without_team (idea);
  judge (view, "bhhh");
  fw_team_panel_save_mine (panel, view, "Finance needs every answer right");
  fw_test_spin ();
  g_assert_cmpuint (fw_workbook_get_n_members (workbook), ==, 1);
  g_assert_cmpstr (fw_member_get_name (fw_workbook_get_member (workbook, 0)), ==, "Dana");
  g_assert_cmpint (fw_member_get_role (fw_workbook_get_member (workbook, 0)), ==,
                   FW_ROLE_PRODUCT_MANAGER);
  mine = fw_idea_find_assessment (idea, "m-dana", NULL);
  g_assert_nonnull (mine);
  g_assert_cmpstr (fw_member_assessment_get_comment (mine), ==,
                   "Finance needs every answer right");
  g_assert_true (fw_idea_get_condition (fw_member_assessment_get_judgement (mine),
                                        FW_CONDITION_FULL_ACCURACY));
  g_assert_false (fw_idea_get_condition (idea, FW_CONDITION_FULL_ACCURACY));
  g_assert_true (g_str_has_prefix (label_text (GTK_WIDGET (panel), "my-assessment"),
                                   "Yours: Losing pattern"));

  made = g_strdup (fw_member_assessment_get_made (mine));
  fw_team_panel_save_mine (panel, view, "Finance needs every answer right");
  g_assert_true (fw_idea_find_assessment (idea, "m-dana", NULL) == mine);
  g_assert_cmpstr (fw_member_assessment_get_made (mine), ==, made);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Take This Answer" puts Ben's judgement (the customer experience broken by
 * "100% accuracy required") into the idea; one Undo from the window takes it back,
 * and Ben's own assessment is untouched either way. */
static void
test_take_answer_and_undo (void)
{
  g_autoptr(FwMember) aiko = NULL;
  g_autoptr(FwMember) ben = NULL;
  g_autoptr(FwWorkbook) workbook = make_team (&aiko, &ben);
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  FwIdea *split = fw_workbook_get_idea (workbook, 1);
  FwMemberAssessment *bens = fw_idea_find_assessment (split, fw_member_get_id (ben), NULL);
  FwTeamPanel *panel;

  gtk_window_present (GTK_WINDOW (window));
  panel = show (window, 1);
  fw_team_panel_set_me (panel, fw_member_get_id (aiko), "Aiko", FW_ROLE_ENGINEER);
  click (GTK_WIDGET (panel), "reveal");
  g_assert_false (fw_idea_get_condition (split, FW_CONDITION_FULL_ACCURACY));

  click (GTK_WIDGET (panel), "take-answer");
  g_assert_true (fw_idea_get_condition (split, FW_CONDITION_FULL_ACCURACY));
  g_assert_cmpint (fw_idea_get_answer (split, FW_QUESTION_HUMAN_FALLBACK), ==, FW_ANSWER_NO);
  g_assert_cmpstr (fw_window_get_verdict_text (window), ==, fw_verdict_label (FW_VERDICT_LOSING));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fw_test_spin ();
  g_assert_false (fw_idea_get_condition (split, FW_CONDITION_FULL_ACCURACY));
  g_assert_cmpint (fw_idea_get_answer (split, FW_QUESTION_HUMAN_FALLBACK), ==,
                   FW_ANSWER_UNANSWERED);
  g_assert_cmpstr (fw_window_get_verdict_text (window), !=,
                   fw_verdict_label (FW_VERDICT_LOSING));
  g_assert_true (fw_idea_get_condition (fw_member_assessment_get_judgement (bens),
                                        FW_CONDITION_FULL_ACCURACY));
  /* Still revealed: undo takes back edits, not the reveal. */
  g_assert_true (fw_idea_get_revealed (split));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Choosing a decision records it with today's date, one step to undo; the
 * rationale typed goes into the idea. */
static void
test_decision_and_undo (void)
{
  g_autoptr(FwMember) aiko = NULL;
  g_autoptr(FwMember) ben = NULL;
  g_autoptr(FwWorkbook) workbook = make_team (&aiko, &ben);
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  FwIdea *idea = fw_workbook_get_idea (workbook, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GtkWidget *root, *dropdown, *rationale;

  gtk_window_present (GTK_WINDOW (window));
  root = GTK_WIDGET (show (window, 0));
  dropdown = fw_test_find_by_name (root, "decision");
  rationale = fw_test_find_by_name (root, "decision-rationale");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, FW_DECISION_NONE);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), FW_DECISION_ADOPT_POC);
  fw_test_spin ();
  g_assert_cmpint (fw_idea_get_decision (idea), ==, FW_DECISION_ADOPT_POC);
  g_assert_cmpstr (fw_idea_get_decision_date (idea), ==, today);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fw_test_find_by_name (root,
                                                                              "decision-date"))),
                   ==, today);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fw_test_spin ();
  g_assert_cmpint (fw_idea_get_decision (idea), ==, FW_DECISION_NONE);
  g_assert_cmpstr (fw_idea_get_decision_date (idea), ==, "");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, FW_DECISION_NONE);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (rationale)),
                            "Everyone sees it hold", -1);
  fw_test_spin ();
  g_assert_cmpstr (fw_idea_get_decision_rationale (idea), ==, "Everyone sees it hold");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GFile *
save_copy (FwWorkbook *workbook,
           const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (fw_workbook_save (workbook, file, NULL, &error));
  g_assert_no_error (error);
  return file;
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

/* The message dialog over @window, waited for (the copies are read on a worker). */
static AdwMessageDialog *
wait_for_dialog (FwWindow *window)
{
  for (int tries = 0; tries < 500; tries++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
              gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
              gtk_widget_get_visible (GTK_WIDGET (toplevel)))
            return ADW_MESSAGE_DIALOG (toplevel);
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_not_reached ();
}

/* Two members' copies collected from the window: the summary says who brought
 * what, the new idea is added on "Add", and a copy of another workbook is refused
 * by name with nothing changed. */
static void
test_collect_two_copies (void)
{
  g_autoptr(FwWorkbook) team = fw_workbook_new ();
  g_autoptr(FwWorkbook) aikos = NULL;
  g_autoptr(FwWorkbook) bens = NULL;
  g_autoptr(FwWorkbook) other = fw_workbook_new ();
  g_autoptr(FwMember) aiko = fw_member_new ("Aiko", FW_ROLE_ENGINEER);
  g_autoptr(FwMember) ben = fw_member_new ("Ben", FW_ROLE_DATA_SCIENTIST);
  g_autoptr(FwIdea) voice = fw_idea_new ();
  g_autofree char *dir = fw_test_make_temp_dir ();
  g_autoptr(GFile) aiko_file = NULL;
  g_autoptr(GFile) ben_file = NULL;
  g_autoptr(GFile) other_file = NULL;
  FwWindow *window;
  AdwMessageDialog *dialog;

  fw_workbook_set_title (team, "Team");
  fw_workbook_set_text (team, FW_WORKBOOK_CREATED, "2026-11-30T08:00:00Z");
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(FwIdea) idea = fw_idea_new ();
      g_autofree char *title = g_strdup_printf ("Idea %u", i);

      fw_idea_set_title (idea, title);
      fw_workbook_append_idea (team, idea);
    }
  fw_workbook_ensure_id (team);

  aikos = copy_of (team);
  fw_workbook_append_member (aikos, aiko);
  assess (fw_workbook_get_idea (aikos, 0), aiko, "2026-12-01T09:00:00Z", "hhhh");
  assess (fw_workbook_get_idea (aikos, 2), aiko, "2026-12-01T09:01:00Z", "whhh");
  bens = copy_of (team);
  fw_workbook_append_member (bens, ben);
  assess (fw_workbook_get_idea (bens, 1), ben, "2026-12-01T09:02:00Z", "bhhh");
  fw_idea_set_title (voice, "Voice search");
  assess (voice, ben, "2026-12-01T09:03:00Z", "hhhh");
  fw_workbook_append_idea (bens, voice);
  fw_workbook_set_title (other, "Checkout");
  fw_workbook_set_text (other, FW_WORKBOOK_CREATED, "2026-10-01T08:00:00Z");
  aiko_file = save_copy (aikos, dir, "aiko.flywheel");
  ben_file = save_copy (bens, dir, "ben.flywheel");
  other_file = save_copy (other, dir, "checkout.flywheel");

  window = fw_window_new (NULL, NULL, team, NULL);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();

  /* Another workbook's file is refused by name; nothing comes in. */
  fw_window_collect_files (window, (GFile *[]) { aiko_file, other_file }, 2);
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Could Not Collect the Assessments");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "checkout.flywheel"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  fw_test_spin ();
  g_assert_cmpuint (fw_workbook_get_n_members (team), ==, 0);
  g_assert_cmpuint (fw_idea_get_n_assessments (fw_workbook_get_idea (team, 0)), ==, 0);

  fw_window_collect_files (window, (GFile *[]) { ben_file, aiko_file }, 2);
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Assessments Collected");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Aiko: 2 ideas assessed; Ben: 1 idea assessed, 1 new idea\n"
                   "• “Voice search” (from Ben)");
  g_assert_cmpuint (fw_workbook_get_n_members (team), ==, 2);
  g_assert_cmpuint (fw_idea_get_n_assessments (fw_workbook_get_idea (team, 2)), ==, 1);
  g_assert_cmpuint (fw_workbook_get_n_ideas (team), ==, 3);
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  fw_test_spin ();
  g_assert_cmpuint (fw_workbook_get_n_ideas (team), ==, 4);
  g_assert_cmpstr (fw_idea_get_title (fw_workbook_get_idea (team, 3)), ==, "Voice search");
  g_assert_true (fw_window_get_modified (window));

  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_remove_tree (dir);
}

/* The Disagreement section lists the revealed ideas least agreement first, each
 * with its figure, then the ones still blind without it; a row opens its idea. */
static void
test_disagreement_order (void)
{
  g_autoptr(FwMember) aiko = NULL;
  g_autoptr(FwMember) ben = NULL;
  g_autoptr(FwWorkbook) workbook = make_team (&aiko, &ben);
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  /* Ideas 0 and 1 revealed, idea 2 not: it keeps its figure and place hidden. */
  static const char *titles[] = { "Idea 1", "Idea 0", "Idea 2" };
  static const char *subtitles[] = {
    "Agreement 75 of 100 · 2 members assessed",
    "Agreement 100 of 100 · 2 members assessed",
    "Hidden until revealed · 2 members assessed",
  };
  GtkWidget *page;
  GtkListBox *list;

  fw_idea_set_revealed (fw_workbook_get_idea (workbook, 0), TRUE);
  fw_idea_set_revealed (fw_workbook_get_idea (workbook, 1), TRUE);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                             "disagreement"));
  fw_test_spin ();
  page = fw_test_find_by_type (GTK_WIDGET (window), FW_TYPE_DISAGREEMENT_PAGE);
  g_assert_nonnull (page);
  list = fw_disagreement_page_get_list (FW_DISAGREEMENT_PAGE (page));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) i);

      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, titles[i]);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitles[i]);
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, 3));

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  fw_test_spin ();
  g_assert_true (fw_window_get_selected_idea (window) == fw_workbook_get_idea (workbook, 1));
  g_assert_cmpstr (fw_window_get_verdict_text (window), !=, "");

  /* Ben changes his mind on Idea 0: it drops to the top. */
  assess (fw_workbook_get_idea (workbook, 0), ben, "2026-12-01T10:00:00Z", "bbbb");
  fw_test_spin ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     gtk_list_box_get_row_at_index (list, 0))), ==, "Idea 0");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every idea hidden until revealed: the page says so, not that nobody assessed. */
static void
test_disagreement_all_hidden (void)
{
  g_autoptr(FwMember) aiko = NULL;
  g_autoptr(FwMember) ben = NULL;
  g_autoptr(FwWorkbook) workbook = make_team (&aiko, &ben);
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                             "disagreement"));
  fw_test_spin ();
  page = fw_test_find_by_type (GTK_WIDGET (window), FW_TYPE_DISAGREEMENT_PAGE);
  g_assert_true (gtk_widget_get_visible (fw_test_find_by_name (page, "empty")));
  g_assert_true (g_str_has_prefix (label_text (page, "empty"),
                                   "The team’s assessments are hidden until the product "
                                   "manager reveals them"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui-team/blind-until-revealed", test_blind_until_revealed);
  g_test_add_func ("/ui-team/only-pm-leads", test_only_pm_leads);
  g_test_add_func ("/ui-team/my-assessment-joins", test_my_assessment_joins);
  g_test_add_func ("/ui-team/take-answer-and-undo", test_take_answer_and_undo);
  g_test_add_func ("/ui-team/decision-and-undo", test_decision_and_undo);
  g_test_add_func ("/ui-team/collect-two-copies", test_collect_two_copies);
  g_test_add_func ("/ui-team/disagreement-order", test_disagreement_order);
  g_test_add_func ("/ui-team/disagreement-all-hidden", test_disagreement_all_hidden);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Conflicts page and the Compare dialog: a merge of two copies of the sample
 * that changed the same fields differently, resolved from the page (Take Theirs,
 * Keep Mine, Edit…, Delete It) and undone; the differences of a known edit listed
 * by item. */

#include "config.h"

#include <adwaita.h>

#include "fw-compare-dialog.h"
#include "fw-conflicts-page.h"
#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-test-ui.h"

#define MINE_WHY "Every booking teaches the ranking what travellers like this one choose."
/* A long word too: the page at 360 px wraps it rather than widening. */
#define THEIRS_WHY "Bookings feed the model nightly, see " \
                   "https://wiki.example.com/data/pipelines/booking-events-to-ranking-features"
#define BEN "Ben, 2026-12-01T10:00:00Z"
#define AIKO "Aiko, 2026-12-01T09:00:00Z"
#define VOICE_ID "0b7e9a4c-1f2d-4c3b-9a8e-7d6c5b4a3f21"

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

/* Aiko's copy and Ben's of the sample, merged: the first idea's model why (a text)
 * and data evidence (a choice) changed by both; "100% accuracy required" (a switch)
 * on an idea both added, so without a version before; the second idea deleted by
 * Aiko and renamed by Ben. */
static FwWorkbook *
make_merged (FwWorkbook **base_out)
{
  g_autoptr(FwWorkbook) base = fw_test_load_sample ("en");
  g_autoptr(FwWorkbook) ours = copy_of (base);
  g_autoptr(FwWorkbook) theirs = copy_of (base);
  g_autoptr(FwIdea) voice = fw_idea_new ();
  g_autoptr(FwIdea) bens_voice = NULL;
  g_autoptr(GError) error = NULL;
  FwIdea *o0 = fw_workbook_get_idea (ours, 0);
  FwIdea *t0 = fw_workbook_get_idea (theirs, 0);
  FwWorkbook *merged;
  guint n = 0;

  g_assert_cmpint (fw_idea_get_evidence (o0, FW_STAGE_DATA), !=, FW_EVIDENCE_ESTIMATES);
  g_assert_cmpint (fw_idea_get_evidence (o0, FW_STAGE_DATA), !=, FW_EVIDENCE_TEST_RESULTS);
  fw_idea_set_why (o0, FW_STAGE_MODEL, MINE_WHY);
  fw_idea_set_why (t0, FW_STAGE_MODEL, THEIRS_WHY);
  fw_idea_set_evidence (o0, FW_STAGE_DATA, FW_EVIDENCE_ESTIMATES);
  fw_idea_set_evidence (t0, FW_STAGE_DATA, FW_EVIDENCE_TEST_RESULTS);

  fw_idea_set_text (voice, FW_IDEA_ID, VOICE_ID);
  fw_idea_set_title (voice, "Voice search");
  bens_voice = fw_idea_copy (voice);
  fw_idea_set_condition (voice, FW_CONDITION_FULL_ACCURACY, TRUE);
  fw_workbook_append_idea (ours, voice);
  fw_workbook_append_idea (theirs, bens_voice);

  fw_workbook_remove_idea (ours, 1);
  fw_idea_set_title (fw_workbook_get_idea (theirs, 1), "Changed by Ben");

  merged = fw_merge (base, ours, theirs, AIKO, BEN, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  if (base_out)
    *base_out = g_steal_pointer (&base);
  return merged;
}

typedef struct
{
  GtkWindow       *window;
  FwConflictsPage *page;
  FwWorkbook      *merged;
  FwWorkbook      *base;
  guint            n_resolved;
  char            *message;
} Fixture;

static void
resolved_cb (FwConflictsPage *page,
             const char      *message,
             Fixture         *fixture)
{
  fixture->n_resolved++;
  g_free (fixture->message);
  fixture->message = g_strdup (message);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->merged = make_merged (&fixture->base);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 640);
  fixture->page = FW_CONFLICTS_PAGE (fw_conflicts_page_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  g_signal_connect (fixture->page, "resolved", G_CALLBACK (resolved_cb), fixture);
  fw_conflicts_page_set_workbook (fixture->page, fixture->merged);
  gtk_window_present (fixture->window);
  fw_test_spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  fw_test_spin ();
  g_clear_object (&fixture->merged);
  g_clear_object (&fixture->base);
  g_free (fixture->message);
}

/* The widgets named @name under @root, depth first. */
static void
collect_named (GtkWidget  *root,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

static guint
count_named (GtkWidget  *root,
             const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_named (root, name, found);
  return found->len;
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  GtkWidget *label = fw_test_find_by_name (root, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The conflict's row titled @title, or NULL. */
static GtkWidget *
find_row (Fixture    *fixture,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_named (GTK_WIDGET (fixture->page), "conflict", rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (label_text (rows->pdata[i], "conflict-title"), title) == 0)
      return rows->pdata[i];
  return NULL;
}

static void
click (GtkWidget  *row,
       const char *name)
{
  GtkWidget *button;

  g_assert_nonnull (row);
  button = fw_test_find_by_name (row, name);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_signal_emit_by_name (button, "clicked");
  fw_test_spin ();
}

static const char *
why_label (void)
{
  return fw_field_label (FW_ITEM_IDEA, fw_idea_why_property_name (FW_STAGE_MODEL));
}

static const char *
evidence_label (void)
{
  return fw_field_label (FW_ITEM_IDEA, fw_idea_evidence_property_name (FW_STAGE_DATA));
}

static const char *
condition_label (void)
{
  return fw_field_label (FW_ITEM_IDEA,
                         fw_idea_condition_property_name (FW_CONDITION_FULL_ACCURACY));
}

static FwIdea *
first_idea (Fixture *fixture)
{
  return fw_workbook_get_idea (fixture->merged, 0);
}

/* One group per item, titled by it; one row per conflict saying both values, and
 * the one before where the merge knows it; Edit… for the text and the choice only. */
static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);
  GtkWidget *why = find_row (fixture, why_label ());
  GtkWidget *evidence = find_row (fixture, evidence_label ());
  GtkWidget *condition = find_row (fixture, condition_label ());
  GtkWidget *deleted = find_row (fixture, "You deleted this idea; Ben changed it");
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autofree char *before = NULL;
  g_autofree char *first_title = NULL;
  g_autofree char *description = NULL;

  g_assert_cmpstr (why_label (), ==, "Model accuracy — why");
  g_assert_cmpuint (fw_conflicts_page_get_n_conflicts (fixture->page), ==, 4);
  g_assert_cmpuint (count_named (root, "conflict"), ==, 4);
  g_assert_false (fw_conflicts_page_can_undo (fixture->page));

  collect_named (root, "conflict-item", groups);
  g_assert_cmpuint (groups->len, ==, 3);
  first_title = g_strdup_printf ("Idea “%s”", fw_idea_get_title (first_idea (fixture)));
  g_assert_cmpstr (adw_preferences_group_get_title (groups->pdata[0]), ==, first_title);
  /* In the order of the merge: Aiko's ideas, then the one only Ben still has. */
  g_assert_cmpstr (adw_preferences_group_get_title (groups->pdata[1]), ==,
                   "Idea “Voice search”");
  g_assert_cmpstr (adw_preferences_group_get_title (groups->pdata[2]), ==,
                   "Idea “Changed by Ben”");
  g_assert_true (gtk_widget_is_ancestor (why, groups->pdata[0]));
  g_assert_true (gtk_widget_is_ancestor (evidence, groups->pdata[0]));
  g_assert_true (gtk_widget_is_ancestor (condition, groups->pdata[1]));
  g_assert_true (gtk_widget_is_ancestor (deleted, groups->pdata[2]));

  g_assert_cmpstr (label_text (why, "mine-value"), ==, "Mine (" AIKO "): “" MINE_WHY "”");
  g_assert_cmpstr (label_text (why, "theirs-value"), ==, "Theirs (" BEN "): “" THEIRS_WHY "”");
  before = g_strdup_printf ("Before: “%s”",
                            fw_idea_get_why (fw_workbook_get_idea (fixture->base, 0),
                                             FW_STAGE_MODEL));
  g_assert_cmpstr (label_text (why, "base-value"), ==, before);
  g_assert_cmpstr (label_text (evidence, "mine-value"), ==, "Mine (" AIKO "): Estimates and plans");
  g_assert_cmpstr (label_text (evidence, "theirs-value"), ==,
                   "Theirs (" BEN "): Test results");
  g_assert_cmpstr (label_text (condition, "mine-value"), ==, "Mine (" AIKO "): ticked");
  g_assert_cmpstr (label_text (condition, "theirs-value"), ==, "Theirs (" BEN "): not ticked");
  /* Both added it: there is no version before. */
  g_assert_null (fw_test_find_by_name (condition, "base-value"));

  g_assert_nonnull (fw_test_find_by_name (why, "edit-value"));
  /* An icon: it says what it does, and for which field, as the answers do. */
  description = g_strdup_printf ("Model accuracy — why, %s", first_title);
  g_assert_null (gtk_test_accessible_check_property (
                   GTK_ACCESSIBLE (fw_test_find_by_name (why, "edit-value")),
                   GTK_ACCESSIBLE_PROPERTY_LABEL, "Edit Value"));
  g_assert_null (gtk_test_accessible_check_property (
                   GTK_ACCESSIBLE (fw_test_find_by_name (why, "edit-value")),
                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description));
  g_assert_null (gtk_test_accessible_check_property (
                   GTK_ACCESSIBLE (fw_test_find_by_name (why, "take-theirs")),
                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description));
  g_assert_nonnull (fw_test_find_by_name (evidence, "edit-value"));
  g_assert_null (fw_test_find_by_name (condition, "edit-value"));
  g_assert_nonnull (fw_test_find_by_name (deleted, "keep-item"));
  g_assert_nonnull (fw_test_find_by_name (deleted, "delete-item"));
  g_assert_null (fw_test_find_by_name (deleted, "keep-mine"));
}

/* Take Theirs sets the field and drops the conflict; Keep Mine drops another; Undo
 * brings each conflict back, newest first, and the field's value before. */
static void
test_resolve_and_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  FwIdea *idea = first_idea (fixture);
  g_autofree char *expected = NULL;

  /* From the keyboard: the focus goes on to the row that takes the resolved one's place. */
  gtk_widget_grab_focus (fw_test_find_by_name (find_row (fixture, why_label ()), "take-theirs"));
  click (find_row (fixture, why_label ()), "take-theirs");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) ==
                 fw_test_find_by_name (find_row (fixture, evidence_label ()), "keep-mine"));
  g_assert_cmpstr (fw_idea_get_why (idea, FW_STAGE_MODEL), ==, THEIRS_WHY);
  g_assert_cmpuint (fw_workbook_count_conflicts (fixture->merged), ==, 3);
  g_assert_cmpuint (fw_conflicts_page_get_n_conflicts (fixture->page), ==, 3);
  g_assert_null (find_row (fixture, why_label ()));
  g_assert_cmpuint (fixture->n_resolved, ==, 1);
  expected = g_strdup_printf ("Kept theirs for Model accuracy — why (Idea “%s”)",
                              fw_idea_get_title (idea));
  g_assert_cmpstr (fixture->message, ==, expected);
  g_assert_true (fw_conflicts_page_can_undo (fixture->page));

  click (find_row (fixture, evidence_label ()), "keep-mine");
  g_assert_cmpint (fw_idea_get_evidence (idea, FW_STAGE_DATA), ==, FW_EVIDENCE_ESTIMATES);
  g_assert_cmpuint (fw_conflicts_page_get_n_conflicts (fixture->page), ==, 2);
  g_assert_null (find_row (fixture, evidence_label ()));
  g_assert_true (g_str_has_prefix (fixture->message, "Kept yours for Data — evidence"));

  g_assert_true (fw_conflicts_page_undo (fixture->page));
  fw_test_spin ();
  g_assert_cmpuint (fw_conflicts_page_get_n_conflicts (fixture->page), ==, 3);
  g_assert_nonnull (find_row (fixture, evidence_label ()));
  g_assert_null (find_row (fixture, why_label ()));
  g_assert_cmpint (fw_idea_get_evidence (idea, FW_STAGE_DATA), ==, FW_EVIDENCE_ESTIMATES);

  g_assert_true (fw_conflicts_page_undo (fixture->page));
  fw_test_spin ();
  g_assert_cmpstr (fw_idea_get_why (idea, FW_STAGE_MODEL), ==, MINE_WHY);
  g_assert_cmpuint (fw_workbook_count_conflicts (fixture->merged), ==, 4);
  g_assert_nonnull (find_row (fixture, why_label ()));
  g_assert_false (fw_conflicts_page_can_undo (fixture->page));
  g_assert_false (fw_conflicts_page_undo (fixture->page));

  /* The conflict is whole again: Take Theirs once more. */
  click (find_row (fixture, why_label ()), "take-theirs");
  g_assert_cmpstr (fw_idea_get_why (idea, FW_STAGE_MODEL), ==, THEIRS_WHY);
}

/* Delete It takes out the idea Aiko deleted and Ben changed; Undo puts Ben's
 * version back in its place, with the conflict. Keep It keeps it. */
static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *sentence = "You deleted this idea; Ben changed it";
  FwIdea *changed = fw_workbook_get_idea (fixture->merged, 1);
  g_autofree char *id = g_strdup (fw_idea_get_id (changed));
  guint n_ideas = fw_workbook_get_n_ideas (fixture->merged);
  guint position = 99;

  g_assert_cmpstr (fw_idea_get_title (changed), ==, "Changed by Ben");
  click (find_row (fixture, sentence), "delete-item");
  g_assert_null (fw_workbook_find_idea (fixture->merged, id, NULL));
  g_assert_cmpuint (fw_workbook_get_n_ideas (fixture->merged), ==, n_ideas - 1);
  g_assert_cmpuint (fw_conflicts_page_get_n_conflicts (fixture->page), ==, 3);
  g_assert_null (find_row (fixture, sentence));
  g_assert_cmpstr (fixture->message, ==, "Deleted Idea “Changed by Ben”");

  g_assert_true (fw_conflicts_page_undo (fixture->page));
  fw_test_spin ();
  changed = fw_workbook_find_idea (fixture->merged, id, &position);
  g_assert_nonnull (changed);
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpstr (fw_idea_get_title (changed), ==, "Changed by Ben");
  g_assert_cmpuint (fw_workbook_get_n_ideas (fixture->merged), ==, n_ideas);
  g_assert_cmpuint (fw_conflicts_page_get_n_conflicts (fixture->page), ==, 4);

  click (find_row (fixture, sentence), "keep-item");
  g_assert_nonnull (fw_workbook_find_idea (fixture->merged, id, NULL));
  g_assert_cmpuint (fw_conflicts_page_get_n_conflicts (fixture->page), ==, 3);
  g_assert_cmpstr (fixture->message, ==, "Kept Idea “Changed by Ben”");
}

/* The message dialog Edit… opened over the page's window. */
static AdwMessageDialog *
find_dialog (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == fixture->window &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static GtkWidget *
open_edit (Fixture    *fixture,
           const char *title)
{
  AdwMessageDialog *dialog;

  click (find_row (fixture, title), "edit-value");
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, title);
  return fw_test_find_by_name (adw_message_dialog_get_extra_child (dialog), "edit-input");
}

static void
respond (Fixture    *fixture,
         const char *response)
{
  AdwMessageDialog *dialog = find_dialog (fixture);

  g_assert_nonnull (dialog);
  /* What a click on the response's button does: the response, then closing. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  fw_test_spin ();
}

/* Edit… starts from mine; Save puts the edit in and drops the conflict, Cancel
 * changes nothing; a choice is picked from the field's own values. */
static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  FwIdea *idea = first_idea (fixture);
  GtkWidget *input;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  GListModel *choices;

  input = open_edit (fixture, why_label ());
  g_assert_true (GTK_IS_TEXT_VIEW (input));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, MINE_WHY);
  gtk_text_buffer_set_text (buffer, "Both: bookings and searches.\nNightly.", -1);
  respond (fixture, "cancel");
  g_assert_cmpstr (fw_idea_get_why (idea, FW_STAGE_MODEL), ==, MINE_WHY);
  g_assert_cmpuint (fw_conflicts_page_get_n_conflicts (fixture->page), ==, 4);
  g_assert_cmpuint (fixture->n_resolved, ==, 0);

  input = open_edit (fixture, why_label ());
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)),
                            "Both: bookings and searches.\nNightly.", -1);
  respond (fixture, "save");
  g_assert_cmpstr (fw_idea_get_why (idea, FW_STAGE_MODEL), ==,
                   "Both: bookings and searches.\nNightly.");
  g_assert_cmpuint (fw_conflicts_page_get_n_conflicts (fixture->page), ==, 3);
  g_assert_true (g_str_has_prefix (fixture->message,
                                   "Saved your edit of Model accuracy — why"));

  input = open_edit (fixture, evidence_label ());
  g_assert_true (GTK_IS_DROP_DOWN (input));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (input)), ==,
                    FW_EVIDENCE_ESTIMATES);
  choices = gtk_drop_down_get_model (GTK_DROP_DOWN (input));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, FW_N_EVIDENCE);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices),
                                               FW_EVIDENCE_MARKET_DATA), ==, "Market data");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (input), FW_EVIDENCE_MARKET_DATA);
  respond (fixture, "save");
  g_assert_cmpint (fw_idea_get_evidence (idea, FW_STAGE_DATA), ==, FW_EVIDENCE_MARKET_DATA);
  g_assert_cmpuint (fw_conflicts_page_get_n_conflicts (fixture->page), ==, 2);

  /* Undo takes the edits back as it takes the choices back. */
  g_assert_true (fw_conflicts_page_undo (fixture->page));
  g_assert_true (fw_conflicts_page_undo (fixture->page));
  fw_test_spin ();
  g_assert_cmpstr (fw_idea_get_why (idea, FW_STAGE_MODEL), ==, MINE_WHY);
  g_assert_cmpint (fw_idea_get_evidence (idea, FW_STAGE_DATA), ==, FW_EVIDENCE_ESTIMATES);
  g_assert_cmpuint (fw_conflicts_page_get_n_conflicts (fixture->page), ==, 4);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Typing elsewhere keeps the rows (a renamed item's group follows); conflicts
 * changed elsewhere rebuild them and drop the steps to undo; none left: "No
 * Conflicts". */
static void
test_follows_workbook (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);
  GtkWidget *row = find_row (fixture, why_label ());
  GtkWidget *empty = fw_test_find_by_name (root, "no-conflicts");
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  guint notified = 0;

  g_signal_connect (fixture->page, "notify::n-conflicts", G_CALLBACK (count_notify_cb),
                    &notified);
  g_assert_false (gtk_widget_get_mapped (empty));
  fw_idea_set_title (first_idea (fixture), "Renamed & moved <on>");
  fw_idea_set_text (fw_workbook_get_idea (fixture->merged, 2), FW_IDEA_NOTES, "typed");
  fw_test_spin ();
  g_assert_true (find_row (fixture, why_label ()) == row);
  collect_named (root, "conflict-item", groups);
  /* Shown as typed: the title is markup-escaped (libadwaita 1.2 gives the text back). */
  g_assert_cmpstr (adw_preferences_group_get_title (groups->pdata[0]), ==,
                   "Idea “Renamed & moved <on>”");
  g_assert_cmpuint (notified, ==, 0);

  click (find_row (fixture, condition_label ()), "take-theirs");
  g_assert_false (fw_idea_get_condition (fw_workbook_find_idea (fixture->merged, VOICE_ID, NULL),
                                         FW_CONDITION_FULL_ACCURACY));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (fw_conflicts_page_can_undo (fixture->page));
  /* The toast's title is markup: the idea's title in it is escaped. */
  click (find_row (fixture, why_label ()), "take-theirs");
  g_assert_true (g_str_has_suffix (fixture->message, "(Idea “Renamed &amp; moved &lt;on&gt;”)"));
  g_assert_cmpuint (notified, ==, 2);

  fw_workbook_set_conflicts (fixture->merged, NULL);
  fw_test_spin ();
  g_assert_cmpuint (fw_conflicts_page_get_n_conflicts (fixture->page), ==, 0);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_false (fw_conflicts_page_can_undo (fixture->page));
  g_assert_cmpuint (count_named (root, "conflict"), ==, 0);
  g_assert_true (gtk_widget_get_mapped (empty));
}

/* At 360 px the page fits: the long texts wrap, and a row's two buttons go one above
 * the other when side by side they are wider than the row (in Japanese they were:
 * 364 px). */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum,
                      NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (find_row (fixture, why_label ())), <=, 360);

  /* Every row's buttons can go one above the other: they need about the widest of
   * them, less than side by side. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    collect_named (GTK_WIDGET (fixture->page), "conflict-buttons", rows);
    g_assert_cmpuint (rows->len, ==, 4);
    for (guint i = 0; i < rows->len; i++)
      {
        const char *names[] = { "keep-mine", "take-theirs", "keep-item", "delete-item" };
        int row_min = 0, widest = 0, sum = 0, n = 0;

        gtk_widget_measure (rows->pdata[i], GTK_ORIENTATION_HORIZONTAL, -1, &row_min,
                            NULL, NULL, NULL);
        for (guint b = 0; b < G_N_ELEMENTS (names); b++)
          {
            GtkWidget *button = fw_test_find_by_name (rows->pdata[i], names[b]);
            int button_min = 0;

            if (button == NULL)
              continue;
            n++;
            gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, &button_min,
                                NULL, NULL, NULL);
            widest = MAX (widest, button_min);
            sum += button_min;
          }
        g_assert_cmpint (n, ==, 2);
        g_assert_cmpint (row_min, <, sum);
        g_assert_cmpint (row_min, <=, widest + 12);
      }
  }
}

static void
merge_requested_cb (FwCompareDialog *dialog,
                    guint           *count)
{
  (*count)++;
}

static gboolean
closes_on_escape (GtkWidget *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape) &&
              GTK_IS_NAMED_ACTION (action) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                         "window.close") == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* Compare With lists the known edit under its idea, the field and both values, and
 * the verdict it changes; Merge Changes… asks for the merge; the same copy has no
 * differences and nothing to merge. */
static void
test_compare (void)
{
  g_autoptr(FwWorkbook) mine = fw_test_load_sample ("en");
  g_autoptr(FwWorkbook) other = copy_of (mine);
  FwIdea *idea = fw_workbook_get_idea (other, 0);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *group_title = g_strdup_printf ("Idea “%s”", fw_idea_get_title (idea));
  g_autofree char *before = g_strdup_printf (
    "%s → Market data",
    fw_evidence_label (fw_idea_get_evidence (fw_workbook_get_idea (mine, 0), FW_STAGE_DATA)));
  GtkWidget *dialog, *title_widget;
  guint requested = 0;

  g_assert_cmpint (fw_idea_get_evidence (idea, FW_STAGE_DATA), !=, FW_EVIDENCE_MARKET_DATA);
  fw_idea_set_evidence (idea, FW_STAGE_DATA, FW_EVIDENCE_MARKET_DATA);
  fw_idea_set_condition (idea, FW_CONDITION_FULL_ACCURACY, TRUE);
  gtk_window_present (window);

  dialog = fw_compare_dialog_new (window, mine, other, "ben.flywheel");
  g_signal_connect (dialog, "merge-requested", G_CALLBACK (merge_requested_cb), &requested);
  gtk_window_present (GTK_WINDOW (dialog));
  fw_test_spin ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (closes_on_escape (dialog));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Compare With “ben.flywheel”");
  title_widget = fw_test_find_by_type (dialog, ADW_TYPE_WINDOW_TITLE);
  /* The evidence, the condition, and the verdict "100% accuracy required" breaks. */
  g_assert_cmpuint (fw_compare_dialog_get_n_differences (FW_COMPARE_DIALOG (dialog)), ==, 3);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title_widget)), ==,
                   "3 differences");

  collect_named (dialog, "difference-item", groups);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (adw_preferences_group_get_title (groups->pdata[0]), ==, group_title);
  collect_named (groups->pdata[0], "difference", rows);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Data — evidence");
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==, before);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[1]), ==,
                   "Condition “100% accuracy required”");
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[1]), ==, "not ticked → ticked");
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[2]), ==, "Verdict");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (rows->pdata[2]),
                                   "→ Losing pattern"));
  g_assert_false (gtk_widget_get_mapped (fw_test_find_by_name (dialog, "no-differences")));

  g_assert_true (gtk_widget_is_visible (fw_test_find_by_name (dialog, "merge-changes")));
  g_signal_emit_by_name (fw_test_find_by_name (dialog, "merge-changes"), "clicked");
  fw_test_spin ();
  g_assert_cmpuint (requested, ==, 1);

  /* Closed: a copy of itself has nothing to show or merge. */
  dialog = fw_compare_dialog_new (window, mine, mine, "copy.flywheel");
  gtk_window_present (GTK_WINDOW (dialog));
  fw_test_spin ();
  g_assert_cmpuint (fw_compare_dialog_get_n_differences (FW_COMPARE_DIALOG (dialog)), ==, 0);
  g_assert_true (gtk_widget_get_mapped (fw_test_find_by_name (dialog, "no-differences")));
  g_assert_false (gtk_widget_is_visible (fw_test_find_by_name (dialog, "merge-changes")));
  title_widget = fw_test_find_by_type (dialog, ADW_TYPE_WINDOW_TITLE);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title_widget)), ==,
                   "0 differences");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (window);
  fw_test_spin ();
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The interface's language is the process's: tests/meson.build runs this program
   * in Japanese too (ui-conflicts-ja), where only the width is checked. */
  fw_i18n_init ();

#define ADD(path, func) \
  g_test_add ("/ui-conflicts/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "ja") == 0)
    {
      if (!g_str_equal (fw_i18n_current_language (), "ja"))
        g_error ("LANGUAGE=ja but the Japanese catalogue is not found");
      ADD ("narrow-ja", test_narrow);
      return g_test_run ();
    }
  g_assert_cmpstr (fw_i18n_current_language (), ==, "en");
  ADD ("rows", test_rows);
  ADD ("resolve-and-undo", test_resolve_and_undo);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("edit", test_edit);
  ADD ("follows-workbook", test_follows_workbook);
  ADD ("narrow", test_narrow);
#undef ADD
  g_test_add_func ("/ui-conflicts/compare", test_compare);
  return g_test_run ();
}

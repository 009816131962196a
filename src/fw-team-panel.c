/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-idea-editor.h"
#include "fw-team-panel.h"
#include "fw-ui.h"

struct _FwTeamPanel
{
  GtkWidget      parent_instance;

  FwWorkbook    *workbook;
  FwIdea        *idea;
  GSignalGroup  *idea_signals;
  char          *me_id;
  char          *me_name;
  FwRole         me_role;
  gboolean       updating;

  GtkWidget     *box;
  GtkLabel      *mine_label;
  GtkWidget     *assess_button;
  GtkLabel      *others_label;
  GtkWidget     *reveal_box;
  GtkLabel      *agreement_label;
  GtkWidget     *members_box;
  GtkWidget     *decision_box;
  GtkLabel      *decision_hint;
  GtkDropDown   *decision_dropdown;
  GtkTextView   *rationale_view;
  GtkEntry      *date_entry;
};

G_DEFINE_FINAL_TYPE (FwTeamPanel, fw_team_panel, GTK_TYPE_WIDGET)

static gboolean
is_revealed (FwTeamPanel *self)
{
  return self->idea != NULL && fw_idea_get_revealed (self->idea);
}

/* The PM leads the round: reveals, decides, takes an answer (fw_team_may_lead()). */
static gboolean
may_lead (FwTeamPanel *self)
{
  return self->workbook != NULL && fw_team_may_lead (self->workbook, self->me_id, self->me_role);
}

static FwMemberAssessment *
find_mine (FwTeamPanel *self)
{
  if (self->idea == NULL || self->me_id == NULL)
    return NULL;
  return fw_idea_find_assessment (self->idea, self->me_id, NULL);
}

/* "Aiko (Engineer)", or the member id's assessment without a member. */
static char *
dup_member_title (FwTeamPanel *self,
                  const char  *member_id)
{
  FwMember *member = self->workbook ? fw_workbook_find_member (self->workbook, member_id, NULL)
                                    : NULL;
  g_autofree char *name = NULL;

  if (member == NULL)
    return g_strdup (_("Unknown member"));
  name = fw_member_dup_display_name (member);
  /* TRANSLATORS: a team member and their role: "Aiko (Engineer)" */
  return g_strdup_printf (_("%s (%s)"), name, fw_role_label (fw_member_get_role (member)));
}

/* "Data: holds · Users: broken · …": the member's stage states, in stage order. */
static char *
dup_stage_states (FwAssessment *assessment)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint stage = 0; stage < FW_N_STAGES; stage++)
    {
      FwStageState state = fw_assessment_get_stage_state (assessment, stage);

      /* TRANSLATORS: one stage's state in a member's row: "Users: broken" */
      g_string_append_printf (text, _("%s%s: %s"),
                              /* TRANSLATORS: between the stages of a member's row */
                              stage ? C_("stage separator", " · ") : "",
                              fw_stage_short_label (stage), fw_stage_state_label (state));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
take_clicked_cb (GtkButton   *button,
                 FwTeamPanel *self)
{
  const char *member_id = g_object_get_data (G_OBJECT (button), "member-id");
  FwMemberAssessment *assessment;

  if (self->idea == NULL || member_id == NULL || !may_lead (self))
    return;
  assessment = fw_idea_find_assessment (self->idea, member_id, NULL);
  if (assessment != NULL)
    fw_idea_set_judgement_from (self->idea, fw_member_assessment_get_judgement (assessment));
}

static GtkWidget *
new_member_row (FwTeamPanel        *self,
                FwMemberAssessment *assessment)
{
  const char *member_id = fw_member_assessment_get_member_id (assessment);
  g_autoptr(FwAssessment) result = fw_member_assessment_assess (assessment, self->idea);
  g_autofree char *title = dup_member_title (self, member_id);
  g_autofree char *summary = fw_assessment_format_summary (result);
  g_autofree char *states = dup_stage_states (result);
  const char *comment = fw_member_assessment_get_comment (assessment);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = fw_ui_new_text (title, "heading");
  GtkWidget *verdict = fw_ui_new_text (summary, NULL);
  GtkWidget *take = gtk_button_new_with_mnemonic (_("_Take This Answer"));

  gtk_widget_add_css_class (row, "card");
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_valign (take, GTK_ALIGN_CENTER);
  gtk_widget_set_name (take, "take-answer");
  gtk_widget_set_tooltip_text (take, _("Put this member’s judgement into the idea’s agreed "
                                       "assessment (Undo takes it back)"));
  g_object_set_data_full (G_OBJECT (take), "member-id", g_strdup (member_id), g_free);
  gtk_widget_set_sensitive (take, may_lead (self));
  g_signal_connect (take, "clicked", G_CALLBACK (take_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (header), take);
  for (GtkWidget *child = header; child; child = NULL)
    {
      gtk_widget_set_margin_top (child, 6);
      gtk_widget_set_margin_start (child, 12);
      gtk_widget_set_margin_end (child, 12);
    }
  gtk_box_append (GTK_BOX (row), header);
  fw_ui_set_verdict_style (verdict, fw_assessment_get_verdict (result));
  gtk_box_append (GTK_BOX (row), verdict);
  gtk_box_append (GTK_BOX (row), fw_ui_new_text (states, "dim-label"));
  if (comment && *comment)
    gtk_box_append (GTK_BOX (row), fw_ui_new_text (comment, NULL));
  for (GtkWidget *child = gtk_widget_get_next_sibling (header); child;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, 12);
      gtk_widget_set_margin_end (child, 12);
    }
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (row), 8);
  return row;
}

static void
update (FwTeamPanel *self)
{
  FwMemberAssessment *mine;
  guint n_others = 0;
  GtkWidget *child;

  if (self->idea == NULL)
    return;
  self->updating = TRUE;

  mine = find_mine (self);
  if (self->me_id == NULL)
    {
      gtk_label_set_text (self->mine_label,
                          _("Say who you are in Preferences to assess this idea yourself."));
      gtk_widget_set_visible (self->assess_button, FALSE);
    }
  else if (mine == NULL)
    {
      gtk_label_set_text (self->mine_label, _("You have not assessed this idea yet."));
      gtk_widget_set_visible (self->assess_button, TRUE);
      gtk_button_set_label (GTK_BUTTON (self->assess_button), _("_Assess It Myself…"));
    }
  else
    {
      g_autoptr(FwAssessment) result = fw_member_assessment_assess (mine, self->idea);
      g_autofree char *summary = fw_assessment_format_summary (result);
      /* TRANSLATORS: the current member's own verdict: "Yours: Winning pattern · score 72" */
      g_autofree char *text = g_strdup_printf (_("Yours: %s"), summary);

      gtk_label_set_text (self->mine_label, text);
      gtk_widget_set_visible (self->assess_button, TRUE);
      gtk_button_set_label (GTK_BUTTON (self->assess_button), _("_Change My Assessment…"));
    }

  while ((child = gtk_widget_get_first_child (self->members_box)))
    gtk_box_remove (GTK_BOX (self->members_box), child);
  for (guint i = 0; i < fw_idea_get_n_assessments (self->idea); i++)
    {
      g_autoptr(FwMemberAssessment) assessment =
        g_list_model_get_item (fw_idea_get_assessments (self->idea), i);

      if (assessment == mine)
        continue;
      n_others++;
      if (is_revealed (self))
        gtk_box_append (GTK_BOX (self->members_box), new_member_row (self, assessment));
    }

  if (n_others == 0)
    gtk_label_set_text (self->others_label, _("No one else has assessed this idea yet."));
  else if (!is_revealed (self))
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u other member assessed this idea. Their assessment "
                                      "stays hidden until revealed, so that no one’s judgement "
                                      "anchors yours.",
                                      "%u other members assessed this idea. Their assessments "
                                      "stay hidden until revealed, so that no one’s judgement "
                                      "anchors yours.", n_others), n_others);
      if (!may_lead (self))
        {
          const char *who = self->me_id
            ? _("Only the team’s product manager reveals them.")
            : _("Only the team’s product manager reveals them: if that is you, say who you "
                "are in Preferences.");
          /* TRANSLATORS: two sentences, one after the other */
          g_autofree char *joined = g_strdup_printf (_("%s %s"), text, who);

          gtk_label_set_text (self->others_label, joined);
        }
      else
        gtk_label_set_text (self->others_label, text);
    }
  else
    gtk_label_set_text (self->others_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->others_label),
                          *gtk_label_get_text (self->others_label) != '\0');
  gtk_widget_set_visible (self->reveal_box, n_others > 0 && !is_revealed (self));
  gtk_widget_set_sensitive (self->reveal_box, may_lead (self));
  gtk_widget_set_sensitive (self->decision_box, may_lead (self));
  gtk_widget_set_visible (GTK_WIDGET (self->decision_hint), !may_lead (self));
  gtk_widget_set_visible (self->members_box, is_revealed (self) && n_others > 0);

  {
    int agreement = fw_team_agreement (self->idea);
    g_autofree char *text = NULL;

    if (agreement >= 0)
      /* TRANSLATORS: the team's agreement figure (docs/rules.md), 0–100 */
      text = g_strdup_printf (_("Agreement %d of 100"), agreement);
    gtk_label_set_text (self->agreement_label, text ? text : "");
    gtk_widget_set_visible (GTK_WIDGET (self->agreement_label),
                            text != NULL && is_revealed (self));
  }

  gtk_drop_down_set_selected (self->decision_dropdown, fw_idea_get_decision (self->idea));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->rationale_view);
    g_autofree char *shown = NULL;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    if (g_strcmp0 (shown, fw_idea_get_decision_rationale (self->idea)) != 0)
      gtk_text_buffer_set_text (buffer, fw_idea_get_decision_rationale (self->idea), -1);
  }
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)),
                 fw_idea_get_decision_date (self->idea)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry),
                           fw_idea_get_decision_date (self->idea));
  self->updating = FALSE;
}

static void
reveal_clicked_cb (FwTeamPanel *self)
{
  if (self->idea == NULL || !may_lead (self))
    return;
  fw_idea_set_revealed (self->idea, TRUE);
}

/* Every idea, those not assessed yet included: what is collected later shows. */
static void
reveal_all_clicked_cb (FwTeamPanel *self)
{
  if (!may_lead (self))
    return;
  for (guint i = 0; i < fw_workbook_get_n_ideas (self->workbook); i++)
    fw_idea_set_revealed (fw_workbook_get_idea (self->workbook, i), TRUE);
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
decision_selected_cb (FwTeamPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->decision_dropdown);
  g_autoptr(FwIdea) idea = NULL;

  if (self->updating || self->idea == NULL || selected >= FW_N_DECISIONS || !may_lead (self))
    return;
  /* The date defaults to today as the decision is made: one step with it. */
  idea = g_object_ref (self->idea);
  fw_idea_begin_action (idea);
  if (selected != FW_DECISION_NONE && *fw_idea_get_decision_date (idea) == '\0')
    {
      g_autofree char *today = dup_today ();

      fw_idea_set_decision_date (idea, today);
    }
  fw_idea_set_decision (idea, (FwDecision) selected);
  fw_idea_end_action (idea);
}

static void
rationale_changed_cb (FwTeamPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->rationale_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || self->idea == NULL || !may_lead (self))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  fw_idea_set_decision_rationale (self->idea, text);
}

static void
date_changed_cb (FwTeamPanel *self)
{
  if (!self->updating && self->idea && may_lead (self))
    fw_idea_set_decision_date (self->idea,
                               gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));
}

/* ------------------------------------------------------------------ my assessment */

static gboolean
assess_dialog_close_cb (GtkWindow *dialog)
{
  fw_idea_editor_set_idea (g_object_get_data (G_OBJECT (dialog), "editor"), NULL, NULL);
  return FALSE;
}

/* Saved only on Save: opening my assessment to look at it records nothing. */
static void
assess_save_clicked_cb (GtkButton   *button,
                        FwTeamPanel *self)
{
  GtkWindow *dialog = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  FwIdea *view = g_object_get_data (G_OBJECT (dialog), "view");
  GtkEditable *comment = g_object_get_data (G_OBJECT (dialog), "comment");

  fw_team_panel_save_mine (self, view, gtk_editable_get_text (comment));
  gtk_window_close (dialog);
}

/* My judgement is edited by the idea editor itself, on a view of the idea with my
 * judgement in place of the agreed one: the same steps, the same rules. */
static void
assess_clicked_cb (FwTeamPanel *self)
{
  FwMemberAssessment *mine = find_mine (self);
  g_autoptr(FwIdea) view = NULL;
  GtkWidget *dialog, *content, *header, *scroller, *clamp, *editor, *comment;
  g_autofree char *title = NULL;

  if (self->idea == NULL || self->me_id == NULL)
    return;
  if (mine)
    view = fw_member_assessment_dup_view (mine, self->idea);
  else
    {
      /* A member starts from nothing judged: not from the agreed judgement,
       * which may already be another member's answer (anchoring). */
      g_autoptr(FwIdea) blank = fw_idea_new ();

      view = fw_idea_dup_without_team (self->idea);
      fw_idea_set_judgement_from (view, blank);
    }
  title = fw_idea_dup_display_title (self->idea);

  dialog = adw_window_new ();
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), fw_ui_get_window (GTK_WIDGET (self)));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 720, 720);
  gtk_window_set_title (GTK_WINDOW (dialog), _("My Assessment"));
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("My Assessment"), title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  {
    GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
    GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));

    gtk_widget_add_css_class (save, "suggested-action");
    gtk_widget_set_name (save, "save-my-assessment");
    g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), dialog);
    g_signal_connect_object (save, "clicked", G_CALLBACK (assess_save_clicked_cb), self, 0);
    adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
    adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  }
  gtk_box_append (GTK_BOX (content), header);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  {
    GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

    editor = fw_idea_editor_new ();
    comment = gtk_entry_new ();
    gtk_entry_set_placeholder_text (GTK_ENTRY (comment),
                                    _("A comment for the team (optional)"));
    gtk_editable_set_text (GTK_EDITABLE (comment),
                           mine ? fw_member_assessment_get_comment (mine) : "");
    gtk_widget_set_margin_start (comment, 12);
    gtk_widget_set_margin_end (comment, 12);
    gtk_widget_set_margin_bottom (comment, 12);
    gtk_box_append (GTK_BOX (inner), editor);
    gtk_box_append (GTK_BOX (inner), comment);
    adw_clamp_set_child (ADW_CLAMP (clamp), inner);
  }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (content), scroller);
  adw_window_set_content (ADW_WINDOW (dialog), content);
  fw_idea_editor_set_idea (FW_IDEA_EDITOR (editor), self->workbook, view);
  /* A member judges from the stages on: the story and the task are the idea's own. */
  fw_idea_editor_set_step (FW_IDEA_EDITOR (editor), FW_STEP_FLYWHEEL);

  g_object_set_data_full (G_OBJECT (dialog), "view", g_object_ref (view), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "comment", comment);
  g_object_set_data (G_OBJECT (dialog), "editor", editor);
  g_signal_connect (dialog, "close-request", G_CALLBACK (assess_dialog_close_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
fw_team_panel_save_mine (FwTeamPanel *self,
                         FwIdea      *view,
                         const char  *comment)
{
  FwMemberAssessment *mine;
  g_autoptr(FwMemberAssessment) changed = NULL;

  g_return_if_fail (FW_IS_TEAM_PANEL (self));
  g_return_if_fail (FW_IS_IDEA (view));

  if (self->idea == NULL || self->me_id == NULL)
    return;
  mine = find_mine (self);
  if (mine != NULL &&
      fw_idea_compare_judgement (fw_member_assessment_get_judgement (mine), view) == 0 &&
      g_strcmp0 (fw_member_assessment_get_comment (mine), comment) == 0)
    return;
  /* Nothing judged and nothing said is no assessment. */
  if (mine == NULL && (comment == NULL || *comment == '\0'))
    {
      g_autoptr(FwIdea) blank = fw_idea_new ();

      if (fw_idea_compare_judgement (blank, view) == 0)
        return;
    }

  if (self->workbook && fw_workbook_find_member (self->workbook, self->me_id, NULL) == NULL)
    {
      g_autoptr(FwMember) member = fw_member_new (self->me_name, self->me_role);

      fw_member_set_id (member, self->me_id);
      fw_workbook_append_member (self->workbook, member);
    }
  changed = mine ? fw_member_assessment_copy (mine) : fw_member_assessment_new (self->me_id);
  fw_idea_set_judgement_from (fw_member_assessment_get_judgement (changed), view);
  fw_member_assessment_set_comment (changed, comment ? comment : "");
  fw_member_assessment_touch (changed);
  fw_idea_set_assessment (self->idea, changed);
  update (self);
}

/* ------------------------------------------------------------------ the widget */

static GtkWidget *
new_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
fw_team_panel_dispose (GObject *object)
{
  FwTeamPanel *self = FW_TEAM_PANEL (object);

  if (self->idea_signals)
    g_signal_group_set_target (self->idea_signals, NULL);
  g_clear_object (&self->idea_signals);
  g_clear_object (&self->idea);
  g_clear_object (&self->workbook);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (fw_team_panel_parent_class)->dispose (object);
}

static void
fw_team_panel_finalize (GObject *object)
{
  FwTeamPanel *self = FW_TEAM_PANEL (object);

  g_free (self->me_id);
  g_free (self->me_name);
  G_OBJECT_CLASS (fw_team_panel_parent_class)->finalize (object);
}

static void
fw_team_panel_class_init (FwTeamPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_team_panel_dispose;
  object_class->finalize = fw_team_panel_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fw_team_panel_init (FwTeamPanel *self)
{
  g_autoptr(GtkStringList) decisions = gtk_string_list_new (NULL);
  GtkWidget *button, *reveal_all, *row;

  self->idea_signals = g_signal_group_new (FW_TYPE_IDEA);
  g_signal_group_connect_swapped (self->idea_signals, "changed", G_CALLBACK (update), self);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_box_append (GTK_BOX (self->box), new_heading (_("Team")));
  gtk_widget_add_css_class (gtk_widget_get_last_child (self->box), "title-4");
  gtk_box_append (GTK_BOX (self->box), new_heading (_("My Assessment")));
  self->mine_label = GTK_LABEL (fw_ui_new_text ("", NULL));
  gtk_widget_set_name (GTK_WIDGET (self->mine_label), "my-assessment");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->mine_label));
  self->assess_button = gtk_button_new_with_mnemonic (_("_Assess It Myself…"));
  gtk_button_set_use_underline (GTK_BUTTON (self->assess_button), TRUE);
  gtk_widget_set_halign (self->assess_button, GTK_ALIGN_START);
  gtk_widget_set_name (self->assess_button, "assess-myself");
  g_signal_connect_swapped (self->assess_button, "clicked", G_CALLBACK (assess_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->box), self->assess_button);

  gtk_box_append (GTK_BOX (self->box), new_heading (_("The Team’s Assessments")));
  self->others_label = GTK_LABEL (fw_ui_new_text ("", NULL));
  gtk_widget_set_name (GTK_WIDGET (self->others_label), "others");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->others_label));
  self->reveal_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_with_mnemonic (_("_Reveal"));
  gtk_widget_set_name (button, "reveal");
  gtk_widget_set_tooltip_text (button, _("Show the team’s assessments of this idea"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (reveal_clicked_cb), self);
  reveal_all = gtk_button_new_with_mnemonic (_("Reveal for _All Ideas"));
  gtk_widget_set_name (reveal_all, "reveal-all");
  g_signal_connect_swapped (reveal_all, "clicked", G_CALLBACK (reveal_all_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->reveal_box), button);
  gtk_box_append (GTK_BOX (self->reveal_box), reveal_all);
  gtk_box_append (GTK_BOX (self->box), self->reveal_box);
  self->agreement_label = GTK_LABEL (fw_ui_new_text ("", "title-4"));
  gtk_widget_set_name (GTK_WIDGET (self->agreement_label), "agreement");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->agreement_label));
  self->members_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_name (self->members_box, "members");
  gtk_box_append (GTK_BOX (self->box), self->members_box);

  gtk_box_append (GTK_BOX (self->box), new_heading (_("Decision")));
  for (guint i = 0; i < FW_N_DECISIONS; i++)
    gtk_string_list_append (decisions, fw_decision_label ((FwDecision) i));
  self->decision_dropdown =
    GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (decisions)), NULL));
  gtk_widget_set_name (GTK_WIDGET (self->decision_dropdown), "decision");
  gtk_widget_set_halign (GTK_WIDGET (self->decision_dropdown), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->decision_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Decision"), -1);
  g_signal_connect_swapped (self->decision_dropdown, "notify::selected",
                            G_CALLBACK (decision_selected_cb), self);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->date_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->date_entry), "decision-date");
  gtk_entry_set_placeholder_text (self->date_entry, _("Date"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->date_entry), 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date of the decision"), -1);
  g_signal_connect_swapped (self->date_entry, "changed", G_CALLBACK (date_changed_cb), self);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->decision_dropdown));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->date_entry));
  self->decision_hint =
    GTK_LABEL (fw_ui_new_text (_("The team’s product manager records the decision."),
                               "dim-label"));
  gtk_widget_set_name (GTK_WIDGET (self->decision_hint), "decision-hint");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->decision_hint));
  self->decision_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (self->box), self->decision_box);
  gtk_box_append (GTK_BOX (self->decision_box), row);
  /* The rationale in lines of its own: a sentence or two, not an entry's one line
   * that scrolls what was written out of sight. */
  {
    GtkWidget *frame = gtk_frame_new (NULL);
    GtkTextBuffer *buffer;

    gtk_box_append (GTK_BOX (self->decision_box),
                    fw_ui_new_text (_("Why the team decided so"), "dim-label"));
    self->rationale_view = GTK_TEXT_VIEW (gtk_text_view_new ());
    gtk_widget_set_name (GTK_WIDGET (self->rationale_view), "decision-rationale");
    gtk_text_view_set_wrap_mode (self->rationale_view, GTK_WRAP_WORD_CHAR);
    gtk_text_view_set_top_margin (self->rationale_view, 8);
    gtk_text_view_set_bottom_margin (self->rationale_view, 8);
    gtk_text_view_set_left_margin (self->rationale_view, 8);
    gtk_text_view_set_right_margin (self->rationale_view, 8);
    gtk_text_view_set_accepts_tab (self->rationale_view, FALSE);
    gtk_widget_set_size_request (GTK_WIDGET (self->rationale_view), -1, 64);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->rationale_view),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rationale"), -1);
    buffer = gtk_text_view_get_buffer (self->rationale_view);
    /* Ctrl+Z goes to the window's history, as in every field of the idea. */
    gtk_text_buffer_set_enable_undo (buffer, FALSE);
    g_signal_connect_swapped (buffer, "changed", G_CALLBACK (rationale_changed_cb), self);
    gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->rationale_view));
    gtk_widget_add_css_class (frame, "view");
    gtk_box_append (GTK_BOX (self->decision_box), frame);
  }
}

GtkWidget *
fw_team_panel_new (void)
{
  return g_object_new (FW_TYPE_TEAM_PANEL, NULL);
}

void
fw_team_panel_set_idea (FwTeamPanel *self,
                        FwWorkbook  *workbook,
                        FwIdea      *idea)
{
  g_return_if_fail (FW_IS_TEAM_PANEL (self));

  g_set_object (&self->workbook, workbook);
  g_set_object (&self->idea, idea);
  g_signal_group_set_target (self->idea_signals, idea);
  update (self);
}

void
fw_team_panel_set_me (FwTeamPanel *self,
                      const char  *id,
                      const char  *name,
                      FwRole       role)
{
  g_return_if_fail (FW_IS_TEAM_PANEL (self));

  g_free (self->me_id);
  self->me_id = id && *id ? g_strdup (id) : NULL;
  g_free (self->me_name);
  self->me_name = g_strdup (name ? name : "");
  self->me_role = role;
  update (self);
}

gboolean
fw_team_panel_get_revealed (FwTeamPanel *self)
{
  g_return_val_if_fail (FW_IS_TEAM_PANEL (self), FALSE);
  return is_revealed (self);
}

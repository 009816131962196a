/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-idea-editor.h"
#include "fw-ui.h"

struct _FwIdeaEditor
{
  GtkWidget      parent_instance;

  FwWorkbook    *workbook;
  FwIdea        *idea;
  /* Every widget bound to its property of whichever idea is shown. */
  GBindingGroup *bindings;
  GSignalGroup  *idea_signals;
  FwStep         step;

  GtkWidget     *step_bar;
  GtkLabel      *step_heading;
  GtkLabel      *step_status;   /* what the shown step still asks for */
  GtkStack      *stack;
  GtkWidget     *back_button;
  GtkWidget     *next_button;
  GtkWidget     *step_buttons[FW_N_STEPS];
  GtkWidget     *step_checks[FW_N_STEPS];
  GtkWidget     *pages[FW_N_STEPS];
  GtkTextView   *why_views[FW_N_STAGES];
  AdwPreferencesGroup *cases_group;
  GPtrArray     *case_rows;
  GtkWidget     *task_checks[FW_N_TASKS];
};

G_DEFINE_FINAL_TYPE (FwIdeaEditor, fw_idea_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Bindings between the idea and the widgets. */

static gboolean
enum_to_uint (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
uint_to_enum (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  guint v = g_value_get_uint (from);

  if (v == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_enum (to, (int) v);
  return TRUE;
}

static gboolean
task_to_active (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == GPOINTER_TO_INT (user_data));
  return TRUE;
}

static gboolean
active_to_task (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  if (!g_value_get_boolean (from))
    return FALSE;
  g_value_set_enum (to, GPOINTER_TO_INT (user_data));
  return TRUE;
}

/* What each widget edits: bound once, in the group whose source is the idea
 * shown, so showing another idea rebinds every widget. A widget may be bound
 * more than once (a follow-up question's value and its visibility). @kind is
 * "text", "bool", "enum", "task" (a task's check button) or "visible". */
static void
mark (FwIdeaEditor *self,
      GObject      *widget,
      const char   *widget_property,
      const char   *idea_property,
      const char   *kind)
{
  /* The window's history undoes every edit of the idea, texts included; a
   * field's own undo would keep a second, disagreeing history. */
  if (g_str_equal (kind, "text") && GTK_IS_EDITABLE (widget))
    gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
  else if (g_str_equal (kind, "text") && GTK_IS_TEXT_BUFFER (widget))
    gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (widget), FALSE);

  if (g_str_equal (kind, "enum"))
    g_binding_group_bind_full (self->bindings, idea_property, widget, widget_property,
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               enum_to_uint, uint_to_enum, NULL, NULL);
  else if (g_str_equal (kind, "task"))
    g_binding_group_bind_full (self->bindings, idea_property, widget, widget_property,
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               task_to_active, active_to_task,
                               g_object_get_data (widget, "fw-task"), NULL);
  else if (g_str_equal (kind, "visible"))
    g_binding_group_bind (self->bindings, idea_property, widget, widget_property,
                          G_BINDING_SYNC_CREATE);
  else
    g_binding_group_bind (self->bindings, idea_property, widget, widget_property,
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

/* Building the pages. */

static GtkWidget *
new_page (void)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_widget_set_margin_top (page, 12);
  gtk_widget_set_margin_bottom (page, 12);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  return page;
}

static AdwPreferencesGroup *
add_group (GtkWidget  *page,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (page), group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
add_entry_row (FwIdeaEditor        *self,
               AdwPreferencesGroup *group,
               const char          *title,
               FwIdeaText           field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  mark (self, G_OBJECT (row), "text", fw_idea_text_property_name (field), "text");
}

static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Never shortened: its width is the least the drop-down takes. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

/* A choice: the row's title and subtitle wrap, and the drop-down keeps the
 * width of what it shows, so neither the question nor the answer is cut
 * short (an AdwComboRow shortens its value first). */
static GtkWidget *
add_combo_row (FwIdeaEditor        *self,
               AdwPreferencesGroup *group,
               const char          *title,
               const char          *subtitle,
               const char * const  *labels,
               const char          *idea_property)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *choice = gtk_drop_down_new_from_strings (labels);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (choice_bind_cb), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (choice), factory);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (choice, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choice);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), choice);
  if (group)
    adw_preferences_group_add (group, row);
  mark (self, G_OBJECT (choice), "selected", idea_property, "enum");
  return row;
}

static GtkWidget *
add_answer_row (FwIdeaEditor        *self,
                AdwPreferencesGroup *group,
                FwQuestion           question)
{
  const char *labels[FW_N_ANSWERS + 1] = { NULL };

  for (guint i = 0; i < FW_N_ANSWERS; i++)
    labels[i] = fw_answer_label (i);
  return add_combo_row (self, group, fw_question_label (question),
                        fw_question_description (question), labels,
                        fw_idea_answer_property_name (question));
}

static void
build_story_page (FwIdeaEditor *self)
{
  GtkWidget *page = new_page ();
  AdwPreferencesGroup *group;

  group = add_group (page, _("User story"),
                     _("Write the story as a customer would tell it. Intuit’s, for example: "
                       "as a TurboTax user, I want my deductible expenses found for me, so "
                       "that filing takes minutes instead of hours."));
  add_entry_row (self, group, _("Title"), FW_IDEA_TITLE);
  {
    FwIdeaText order[3];

    fw_story_get_order (order);
    for (guint i = 0; i < 3; i++)
      add_entry_row (self, group,
                     order[i] == FW_IDEA_AS_A ? _("As a…")
                     : order[i] == FW_IDEA_I_WANT ? _("I want…") : _("So that…"),
                     order[i]);
  }

  group = add_group (page, _("Customer"),
                     _("Who exactly is the customer of this feature in your company?"));
  add_entry_row (self, group, _("Customer definition"), FW_IDEA_CUSTOMER);

  group = add_group (page, _("Use case"),
                     _("What goes into the model and what comes out: input data → ML → "
                       "output data. Pomelo: purchase history → ML → products to show."));
  add_entry_row (self, group, _("Input data"), FW_IDEA_INPUT_DATA);
  add_entry_row (self, group, _("Output data"), FW_IDEA_OUTPUT_DATA);

  self->pages[FW_STEP_STORY] = page;
}

static void
suggest_task_cb (GtkButton    *button,
                 FwIdeaEditor *self)
{
  if (self->idea)
    fw_idea_set_task (self->idea, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button),
                                                                      "fw-task")));
}

static void
build_task_page (FwIdeaEditor *self)
{
  static const struct { const char *question; FwTask task; } guides[] = {
    { N_("Do you predict a number, such as a price, a time or an amount?"), FW_TASK_REGRESSION },
    { N_("Do you sort each item into one of a few known categories?"), FW_TASK_CLASSIFICATION },
    { N_("Do you look for groups in data that has no labels?"), FW_TASK_CLUSTERING },
    { N_("Do you look for rare exceptions, such as fraud or faults?"), FW_TASK_ANOMALY_DETECTION },
    { N_("Do you decide the order in which to show items?"), FW_TASK_RANKING },
    { N_("Do you pick the items each person is most likely to choose?"), FW_TASK_RECOMMENDATION },
  };
  GtkWidget *page = new_page ();
  AdwPreferencesGroup *group;
  GtkWidget *expander;
  GtkCheckButton *first = NULL;
  const char *labels[FW_N_APPLICABILITIES + 1] = { NULL };

  group = add_group (page, _("Which ML task is it?"),
                     _("The deck lists six common ML tasks. Intuit classifies expenses, "
                       "Pomelo recommends products, Fraud.net detects anomalies."));
  for (guint t = 0; t < FW_N_TASKS; t++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *subtitle = NULL;

      if (t == FW_TASK_UNDECIDED)
        subtitle = g_strdup (fw_task_description (t));
      else
        /* TRANSLATORS: a task's explanation, then the workshop's example */
        subtitle = g_strdup_printf (_("%s Example: %s."), fw_task_description (t),
                                    fw_task_example (t));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fw_task_label (t));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      if (first)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      else
        first = GTK_CHECK_BUTTON (check);
      g_object_set_data (G_OBJECT (check), "fw-task", GINT_TO_POINTER (t));
      mark (self, G_OBJECT (check), "active", "task", "task");
      self->task_checks[t] = check;
      adw_preferences_group_add (group, row);
    }

  group = add_group (page, NULL, NULL);
  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Not sure?"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 _("Answer a question to get a suggestion"));
  for (guint i = 0; i < G_N_ELEMENTS (guides); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (fw_task_label (guides[i].task));
      g_autofree char *tooltip = g_strdup_printf (_("Choose %s"), fw_task_label (guides[i].task));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(guides[i].question));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data (G_OBJECT (button), "fw-task", GINT_TO_POINTER (guides[i].task));
      g_signal_connect (button, "clicked", G_CALLBACK (suggest_task_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  adw_preferences_group_add (group, expander);

  {
    GtkWidget *row = adw_action_row_new ();
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Practise"));

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Knowledge check"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("Practise telling the tasks apart with the workshop’s "
                                   "five use cases."));
    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-section");
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "quiz");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    adw_preferences_group_add (group, row);
  }

  group = add_group (page, _("Can ML be applied?"),
                     _("〇 applicable, × not applicable, △ looks applicable: ask someone who "
                       "knows ML."));
  for (guint a = 0; a < FW_N_APPLICABILITIES; a++)
    {
      g_autofree char *label = g_strdup_printf ("%s %s", fw_applicability_symbol (a),
                                                fw_applicability_label (a));
      labels[a] = a == 0 ? fw_applicability_label (a) : g_intern_string (label);
    }
  add_combo_row (self, group, _("ML applicability"), NULL, labels, "applicability");

  self->pages[FW_STEP_TASK] = page;
}

static void
build_flywheel_page (FwIdeaEditor *self)
{
  GtkWidget *page = new_page ();
  const char *labels[FW_N_EVIDENCE + 1] = { NULL };
  g_autoptr(GString) scale = g_string_new (NULL);

  for (guint e = 0; e < FW_N_EVIDENCE; e++)
    labels[e] = fw_evidence_label (e);
  for (guint e = 1; e < FW_N_EVIDENCE; e++)
    g_string_append_printf (scale, "%s%s — %s", e > 1 ? "\n" : "", fw_evidence_label (e),
                            fw_evidence_description (e));

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      static const char *help[] = {
        /* The deck's example answers for Intuit, as the case library words them. */
        N_("Intuit: ML classifies the deductions automatically."),
        N_("Intuit: work that took hours now takes minutes."),
        N_("Intuit: the more users, the more transaction data."),
        N_("Intuit: transactions come paired with what was actually filed."),
      };
      AdwPreferencesGroup *group = add_group (page, fw_stage_question (s), _(help[s]));
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();
      GtkWidget *evidence;

      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_widget_set_size_request (view, -1, 64);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, fw_stage_question (s),
                                      -1);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_widget_add_css_class (frame, "view");
      adw_preferences_group_add (group, frame);
      mark (self, G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))), "text",
            fw_idea_why_property_name (s), "text");
      self->why_views[s] = GTK_TEXT_VIEW (view);

      /* In a list of its own after the text: a group puts its rows before any
       * other child, and the question reads better first. */
      evidence = add_combo_row (self, NULL, _("How sure are you?"), NULL, labels,
                                fw_idea_evidence_property_name (s));
      /* The scale in a popover of its own: a tooltip on the row would lie
       * over the list of levels it explains once the list opens. */
      {
        GtkWidget *info = gtk_menu_button_new ();
        GtkWidget *popover = gtk_popover_new ();
        GtkWidget *text = gtk_label_new (scale->str);

        gtk_label_set_wrap (GTK_LABEL (text), TRUE);
        gtk_label_set_max_width_chars (GTK_LABEL (text), 48);
        gtk_label_set_xalign (GTK_LABEL (text), 0);
        gtk_widget_set_margin_start (text, 6);
        gtk_widget_set_margin_end (text, 6);
        gtk_widget_set_margin_top (text, 6);
        gtk_widget_set_margin_bottom (text, 6);
        gtk_popover_set_child (GTK_POPOVER (popover), text);
        gtk_menu_button_set_popover (GTK_MENU_BUTTON (info), popover);
        gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (info), "dialog-information-symbolic");
        gtk_widget_set_valign (info, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (info, "flat");
        gtk_accessible_update_property (GTK_ACCESSIBLE (info), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("What the levels mean"), -1);
        adw_action_row_add_prefix (ADW_ACTION_ROW (evidence), info);
      }
      {
        GtkWidget *list = gtk_list_box_new ();

        gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
        gtk_widget_add_css_class (list, "boxed-list");
        gtk_widget_set_margin_top (list, 6);
        gtk_list_box_append (GTK_LIST_BOX (list), evidence);
        adw_preferences_group_add (group, list);
      }
    }

  self->pages[FW_STEP_FLYWHEEL] = page;
}

static GtkWidget *
add_condition_row (FwIdeaEditor        *self,
                   AdwPreferencesGroup *group,
                   FwCondition          condition)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fw_condition_label (condition));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fw_condition_description (condition));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  mark (self, G_OBJECT (toggle), "active", fw_idea_condition_property_name (condition), "bool");
  return row;
}

static void
reveal_with (FwIdeaEditor *self,
             GtkWidget    *row,
             FwCondition   condition)
{
  mark (self, G_OBJECT (row), "visible", fw_idea_condition_property_name (condition), "visible");
}

/* What an answer to a ticked condition's follow-up means, with the deck's
 * examples; NULL for a condition that asks nothing. */
static const char *
follow_up_hint (FwCondition condition)
{
  static const char *hints[FW_N_CONDITIONS] = {
    [FW_CONDITION_FULL_ACCURACY] =
      N_("Acceptable: a person checks what the model is unsure of. Not acceptable: "
         "nobody can step in."),
    [FW_CONDITION_FULL_EXPLAINABILITY] =
      N_("Not acceptable without explanations: telling a customer why a loan was "
         "refused or a payment judged fraudulent. Acceptable: the order items are "
         "shown in, or a person decides."),
  };

  g_return_val_if_fail (condition < FW_N_CONDITIONS, NULL);
  return hints[condition] ? _(hints[condition]) : NULL;
}

static void
build_conditions_page (FwIdeaEditor *self)
{
  GtkWidget *page = new_page ();
  AdwPreferencesGroup *group;
  GtkWidget *row;

  group = add_group (page, _("Conditions that favour a win"),
                     _("Tick what holds for this idea. Each one strengthens a stage of the loop."));
  for (guint c = 0; c < FW_N_WIN_CONDITIONS; c++)
    add_condition_row (self, group, c);

  group = add_group (page, _("Conditions that lead to a loss"),
                     _("Tick what holds. A lose condition breaks the loop unless an answer "
                       "below lifts it."));
  for (guint c = FW_N_WIN_CONDITIONS; c < FW_N_CONDITIONS; c++)
    {
      guint n = 0;
      const FwQuestion *follow_ups = fw_condition_get_follow_ups (c, &n);

      add_condition_row (self, group, c);
      /* The questions a ticked condition asks come from the one table
       * (fw_condition_get_follow_ups()); only the hint is the editor's. */
      for (guint q = 0; q < n; q++)
        {
          row = add_answer_row (self, group, follow_ups[q]);
          gtk_widget_set_tooltip_text (row, follow_up_hint (c));
          /* Not over the answers once their list opens: it hid the first ones. */
          for (GtkWidget *child = gtk_widget_get_first_child (
                 adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
               child; child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_POPOVER (child))
              fw_ui_hide_tooltip_while_shown (row, child);
          reveal_with (self, row, c);
        }
    }

  group = add_group (page, _("Will the loop turn?"),
                     _("These answers decide whether traffic and data really grow."));
  add_answer_row (self, group, FW_QUESTION_USERS_WOULD_MISS);
  add_answer_row (self, group, FW_QUESTION_DATA_COLLECTED);
  add_answer_row (self, group, FW_QUESTION_DATA_ALLOWED);

  group = add_group (page, _("Uncertainty"),
                     _("A model predicts from past data with probabilities. Is that acceptable here?"));
  add_answer_row (self, group, FW_QUESTION_ERRORS_ACCEPTABLE);

  self->pages[FW_STEP_CONDITIONS] = page;
}

static void
case_toggled_cb (GtkCheckButton *check,
                 FwIdeaEditor   *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "fw-case-id");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  const char * const *old;
  gboolean active = gtk_check_button_get_active (check);
  gboolean present = FALSE;

  if (self->idea == NULL)
    return;
  old = fw_idea_get_case_ids (self->idea);
  for (guint i = 0; old[i]; i++)
    {
      if (g_str_equal (old[i], id))
        {
          present = TRUE;
          if (!active)
            continue;
        }
      g_strv_builder_add (builder, old[i]);
    }
  if (active && !present)
    g_strv_builder_add (builder, id);
  ids = g_strv_builder_end (builder);
  fw_idea_set_case_ids (self->idea, (const char * const *) ids);
}

static void
rebuild_case_rows (FwIdeaEditor *self)
{
  if (self->cases_group == NULL)
    return;

  for (guint i = 0; i < self->case_rows->len; i++)
    adw_preferences_group_remove (self->cases_group, g_ptr_array_index (self->case_rows, i));
  g_ptr_array_set_size (self->case_rows, 0);

  if (self->workbook == NULL || self->idea == NULL)
    return;

  for (guint i = 0; i < fw_workbook_get_n_cases (self->workbook); i++)
    {
      FwCase *item = fw_workbook_get_case (self->workbook, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fw_case_get_name (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fw_task_label (fw_case_get_task (item)));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_strv_contains (fw_idea_get_case_ids (self->idea),
                                                    fw_case_get_id (item)));
      g_object_set_data_full (G_OBJECT (check), "fw-case-id",
                              g_strdup (fw_case_get_id (item)), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (case_toggled_cb), self);
      adw_preferences_group_add (self->cases_group, row);
      g_ptr_array_add (self->case_rows, row);
    }
}

static void
build_priority_page (FwIdeaEditor *self)
{
  static const struct { FwPriority which; const char *title; FwIdeaText reason; } rows[] = {
    { FW_PRIORITY_IMPORTANCE, N_("Importance to the customer"), FW_IDEA_IMPORTANCE_REASON },
    { FW_PRIORITY_URGENCY, N_("Urgency to the customer"), FW_IDEA_URGENCY_REASON },
    { FW_PRIORITY_ML_VALUE, N_("Value of ML"), FW_IDEA_ML_VALUE_REASON },
  };
  GtkWidget *page = new_page ();
  AdwPreferencesGroup *group;
  const char *labels[FW_N_LEVELS + 1] = { NULL };

  for (guint l = 0; l < FW_N_LEVELS; l++)
    labels[l] = fw_level_label (l);

  group = add_group (page, _("Priority"),
                     _("PoC priority = importance + urgency + value of ML, with high 3, "
                       "medium 2 and low 1: from 3 to 9."));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      add_combo_row (self, group, _(rows[i].title), NULL, labels,
                     fw_idea_priority_property_name (rows[i].which));
      add_entry_row (self, group, _("Why?"), rows[i].reason);
    }

  group = add_group (page, _("Risks"), NULL);
  add_entry_row (self, group, _("Concerns (ML fit, data, timeline)"), FW_IDEA_CONCERNS);
  add_entry_row (self, group, _("Blockers"), FW_IDEA_BLOCKERS);
  add_entry_row (self, group, _("Notes"), FW_IDEA_NOTES);
  add_entry_row (self, group, _("Winning pattern diagram (Event Storming URL)"),
                 FW_IDEA_EVENT_STORMING_URL);

  self->cases_group = add_group (page, _("Cases it follows"),
                                 _("The best-practice cases whose winning pattern this idea "
                                   "follows."));

  self->pages[FW_STEP_PRIORITY] = page;
}

/* Steps. Pages are built when first shown, so the window opens fast. */

static void
ensure_page (FwIdeaEditor *self,
             FwStep        step)
{
  static void (*const builders[]) (FwIdeaEditor *) = {
    build_story_page, build_task_page, build_flywheel_page, build_conditions_page,
    build_priority_page,
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (builders) == FW_N_STEPS);

  if (self->pages[step] != NULL)
    return;

  /* Its widgets join the binding group, which binds them to the idea shown. */
  builders[step] (self);
  gtk_stack_add_named (self->stack, self->pages[step], NULL);
  if (step == FW_STEP_PRIORITY)
    rebuild_case_rows (self);
}

static void
update_step_marks (FwIdeaEditor *self)
{
  for (guint s = 0; s < FW_N_STEPS; s++)
    {
      g_autofree char *status = self->idea ? fw_idea_step_dup_status (self->idea, s) : NULL;
      gboolean complete = self->idea && status == NULL;
      g_autofree char *label = NULL;

      gtk_widget_set_visible (self->step_checks[s], complete);
      if (complete)
        label = g_strdup_printf (_("Step %u, %s: complete"), s + 1, fw_step_title (s));
      else if (status)
        /* TRANSLATORS: a step button's tooltip: number, title, then what is left */
        label = g_strdup_printf (_("Step %u, %s: %s"), s + 1, fw_step_title (s), status);
      else
        label = g_strdup_printf (_("Step %u, %s"), s + 1, fw_step_title (s));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->step_buttons[s]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_tooltip_text (self->step_buttons[s], label);
      if (s == self->step)
        {
          gtk_label_set_text (self->step_status, status ? status : "");
          gtk_widget_set_visible (GTK_WIDGET (self->step_status), status != NULL);
        }
    }
}

void
fw_idea_editor_set_step (FwIdeaEditor *self,
                         FwStep        step)
{
  g_autofree char *heading = NULL;

  g_return_if_fail (FW_IS_IDEA_EDITOR (self));
  g_return_if_fail (step < FW_N_STEPS);

  ensure_page (self, step);
  if (self->step != step)
    {
      self->step = step;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
    }
  gtk_stack_set_visible_child (self->stack, self->pages[step]);
  for (guint s = 0; s < FW_N_STEPS; s++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->step_buttons[s]), s == step);
  /* TRANSLATORS: "Step 2 of 5 · ML task" */
  heading = g_strdup_printf (_("Step %u of %u · %s"), step + 1, FW_N_STEPS, fw_step_title (step));
  gtk_label_set_text (self->step_heading, heading);
  update_step_marks (self);
  gtk_widget_set_sensitive (self->back_button, step > 0);
  gtk_widget_set_sensitive (self->next_button, step + 1 < FW_N_STEPS);
}

void
fw_idea_editor_open_step (FwIdeaEditor *self,
                          FwStep        step)
{
  GtkWidget *scroller;

  g_return_if_fail (FW_IS_IDEA_EDITOR (self));
  g_return_if_fail (step < FW_N_STEPS);

  fw_idea_editor_set_step (self, step);
  /* The step reads from its top: every scrolled window around the editor
   * shows the editor's top edge (wide: the editor's own; narrow: the page's). */
  for (scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
       scroller != NULL;
       scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller),
                                           GTK_TYPE_SCROLLED_WINDOW))
    {
      GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      double x, y;

      if (child && gtk_widget_translate_coordinates (GTK_WIDGET (self), child, 0, 0, &x, &y))
        gtk_adjustment_set_value (adjustment, y);
      if (gtk_widget_get_parent (scroller) == NULL)
        break;
    }
  /* Its first field takes the focus wherever the focus was. Moved on from
   * inside the page, it would land on a later field: Alt+1 from the title went
   * to "As a…", and the stack gives a page back the field it last had. */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

    if (focus)
      g_object_ref (focus);
    if (root)
      gtk_root_set_focus (root, NULL);
    /* A page not on screen takes none: the focus stays where it was. */
    if (!gtk_widget_child_focus (self->pages[step], GTK_DIR_TAB_FORWARD) && focus &&
        gtk_widget_get_root (focus) == root)
      gtk_widget_grab_focus (focus);
    g_clear_object (&focus);
  }
}

static void
step_button_toggled_cb (GtkToggleButton *button,
                        FwIdeaEditor    *self)
{
  FwStep step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "fw-step"));

  if (gtk_toggle_button_get_active (button) && step != self->step)
    fw_idea_editor_set_step (self, step);
}

static void
back_clicked_cb (FwIdeaEditor *self)
{
  if (self->step > 0)
    fw_idea_editor_open_step (self, self->step - 1);
}

static void
next_clicked_cb (FwIdeaEditor *self)
{
  if (self->step + 1 < FW_N_STEPS)
    fw_idea_editor_open_step (self, self->step + 1);
}

static void
fw_idea_editor_dispose (GObject *object)
{
  FwIdeaEditor *self = (FwIdeaEditor *)object;
  GtkWidget *child;

  if (self->bindings)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->idea_signals)
    g_signal_group_set_target (self->idea_signals, NULL);
  g_clear_object (&self->bindings);
  g_clear_object (&self->idea_signals);
  g_clear_object (&self->idea);
  g_clear_object (&self->workbook);
  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_IDEA_EDITOR);
  /* GTK 4.8 only disposes the template children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fw_idea_editor_parent_class)->dispose (object);
}

static void
fw_idea_editor_finalize (GObject *object)
{
  FwIdeaEditor *self = (FwIdeaEditor *)object;

  g_clear_pointer (&self->case_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (fw_idea_editor_parent_class)->finalize (object);
}

static void
fw_idea_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FwIdeaEditor *self = FW_IDEA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_idea_editor_class_init (FwIdeaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_idea_editor_dispose;
  object_class->finalize = fw_idea_editor_finalize;
  object_class->get_property = fw_idea_editor_get_property;

  /* The step shown (FwStep): the window enables Next and Back Step by it. */
  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL, 0, FW_N_STEPS - 1, FW_STEP_STORY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/fw-idea-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FwIdeaEditor, step_bar);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaEditor, step_heading);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaEditor, next_button);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
}

static void
fw_idea_editor_init (FwIdeaEditor *self)
{
  GtkToggleButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->bindings = g_binding_group_new ();
  self->idea_signals = g_signal_group_new (FW_TYPE_IDEA);
  g_signal_group_connect_swapped (self->idea_signals, "changed", G_CALLBACK (update_step_marks),
                                  self);
  self->case_rows = g_ptr_array_new ();

  /* Ctrl+Z in a field goes to the window's history before the field sees
   * it: a text field takes the key even with its own undo turned off. */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z"),
                        gtk_named_action_new ("win.undo")));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>z|<Control>y"),
                        gtk_named_action_new ("win.redo")));
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  /* Says what the step still asks for, so a missing tick is never a riddle. */
  self->step_status = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->step_status), "step-status");
  gtk_label_set_wrap (self->step_status, TRUE);
  gtk_label_set_xalign (self->step_status, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->step_status), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->step_status), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->step_status), "dim-label");
  gtk_widget_insert_after (GTK_WIDGET (self->step_status), GTK_WIDGET (self),
                           GTK_WIDGET (self->step_heading));

  for (guint s = 0; s < FW_N_STEPS; s++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      g_autofree char *number = g_strdup_printf ("%u", s + 1);
      GtkWidget *label = gtk_label_new (number);

      self->step_checks[s] = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_widget_add_css_class (self->step_checks[s], "success");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), self->step_checks[s]);
      gtk_button_set_child (GTK_BUTTON (button), box);
      if (group)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_object_set_data (G_OBJECT (button), "fw-step", GINT_TO_POINTER (s));
      g_signal_connect (button, "toggled", G_CALLBACK (step_button_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->step_bar), button);
      self->step_buttons[s] = button;
    }

  update_step_marks (self);
  fw_idea_editor_set_step (self, FW_STEP_STORY);
}

GtkWidget *
fw_idea_editor_new (void)
{
  return g_object_new (FW_TYPE_IDEA_EDITOR, NULL);
}

void
fw_idea_editor_set_idea (FwIdeaEditor *self,
                         FwWorkbook   *workbook,
                         FwIdea       *idea)
{
  g_return_if_fail (FW_IS_IDEA_EDITOR (self));

  if (self->idea == idea && self->workbook == workbook)
    return;

  g_set_object (&self->workbook, workbook);
  g_set_object (&self->idea, idea);
  g_binding_group_set_source (self->bindings, idea);
  g_signal_group_set_target (self->idea_signals, idea);
  rebuild_case_rows (self);
  update_step_marks (self);
}

FwIdea *
fw_idea_editor_get_idea (FwIdeaEditor *self)
{
  g_return_val_if_fail (FW_IS_IDEA_EDITOR (self), NULL);
  return self->idea;
}

FwStep
fw_idea_editor_get_step (FwIdeaEditor *self)
{
  g_return_val_if_fail (FW_IS_IDEA_EDITOR (self), FW_STEP_STORY);
  return self->step;
}

void
fw_idea_editor_focus_stage (FwIdeaEditor *self,
                            FwStage       stage)
{
  g_return_if_fail (FW_IS_IDEA_EDITOR (self));
  g_return_if_fail (stage < FW_N_STAGES);

  fw_idea_editor_set_step (self, FW_STEP_FLYWHEEL);
  gtk_widget_grab_focus (GTK_WIDGET (self->why_views[stage]));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fw-quiz-page.h"
#include "fw-ui.h"

struct _FwQuizPage
{
  AdwBin        parent_instance;

  guint         question;
  gboolean      answered;
  FwQuizScore   score;
  /* The PM's answer to each question so far, for the review on the score page. */
  FwTask       *answers;

  GtkStack     *stack;
  GtkLabel     *progress;
  GtkLabel     *score_label;
  GtkLabel     *question_label;
  GtkWidget    *task_buttons[FW_N_TASKS];
  GtkWidget    *feedback;
  GtkImage     *feedback_icon;
  GtkLabel     *feedback_title;
  GtkLabel     *feedback_body;
  GtkLabel     *another_way;
  GtkWidget    *next_button;
  AdwStatusPage *result_page;
  GtkWidget    *review_heading;
  GtkWidget    *review_list;
};

G_DEFINE_FINAL_TYPE (FwQuizPage, fw_quiz_page, ADW_TYPE_BIN)

static void
update_score (FwQuizPage *self)
{
  g_autofree char *text = NULL;

  if (self->score.n_answered > 0)
    text = fw_quiz_score_describe (&self->score);
  gtk_label_set_text (self->score_label, text ? text : "");
}

static void
show_question (FwQuizPage *self)
{
  guint n = fw_quiz_get_n_questions ();
  g_autofree char *progress = NULL;

  self->answered = FALSE;
  /* TRANSLATORS: quiz progress, e.g. "Question 2 of 5". */
  progress = g_strdup_printf (_("Question %u of %u"), self->question + 1, n);
  gtk_label_set_text (self->progress, progress);
  gtk_label_set_text (self->question_label, fw_quiz_get_question (self->question));
  update_score (self);
  for (guint t = FW_TASK_REGRESSION; t < FW_N_TASKS; t++)
    {
      gtk_widget_set_sensitive (self->task_buttons[t], TRUE);
      gtk_widget_remove_css_class (self->task_buttons[t], "success");
      gtk_widget_remove_css_class (self->task_buttons[t], "error");
      gtk_widget_remove_css_class (self->task_buttons[t], "warning");
    }
  gtk_widget_set_visible (self->feedback, FALSE);
  gtk_widget_set_visible (self->next_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "question");
}

/* The score page lists every answer that was not the deck's, with the deck's and why. */
static void
fill_review (FwQuizPage *self)
{
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (self->review_list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->review_list), child);
  for (guint q = 0; q < fw_quiz_get_n_questions (); q++)
    {
      FwTask mine = self->answers[q];
      FwQuizResult result = fw_quiz_check (q, mine);
      FwTask answer = fw_quiz_get_answer (q);
      GtkWidget *row;
      g_autofree char *subtitle = NULL;

      if (result == FW_QUIZ_CORRECT)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fw_quiz_get_question (q));
      if (result == FW_QUIZ_ALTERNATIVE)
        /* TRANSLATORS: the score page's review; %s are ML tasks and an explanation. */
        subtitle = g_strdup_printf (_("Your answer, %s, works too; the deck's is %s. %s"),
                                    fw_task_in_sentence (mine), fw_task_in_sentence (answer),
                                    fw_quiz_get_explanation (q));
      else
        /* TRANSLATORS: the score page's review; %s are ML tasks and an explanation. */
        subtitle = g_strdup_printf (_("Your answer: %s. The deck's: %s. %s"),
                                    fw_task_label (mine), fw_task_in_sentence (answer),
                                    fw_quiz_get_explanation (q));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row),
                                    result == FW_QUIZ_ALTERNATIVE ? "emblem-ok-symbolic"
                                                                  : "dialog-information-symbolic");
      gtk_list_box_append (GTK_LIST_BOX (self->review_list), row);
      n++;
    }
  gtk_widget_set_visible (self->review_heading, n > 0);
  gtk_widget_set_visible (self->review_list, n > 0);
}

static void
show_result (FwQuizPage *self)
{
  g_autofree char *title = fw_quiz_score_describe (&self->score);
  guint points = fw_quiz_score_get_points (&self->score);
  const char *description;

  /* A check mark says "well done": only when all or most answers are the deck's;
   * otherwise the sign of something to read, as beside a non-deck answer. */
  adw_status_page_set_icon_name (self->result_page,
                                 2 * points > self->score.n_answered
                                   ? "emblem-ok-symbolic" : "dialog-information-symbolic");
  if (points == self->score.n_answered)
    description = _("Every answer is the deck's. You know the six tasks well.");
  else
    description = _("The score counts the deck's answers; another way that works is "
                    "acknowledged but not counted. Look over the answers below, then try "
                    "again.");
  adw_status_page_set_title (self->result_page, title);
  adw_status_page_set_description (self->result_page, description);
  fill_review (self);
  gtk_stack_set_visible_child_name (self->stack, "result");
}

static void
task_clicked_cb (GtkButton  *button,
                 FwQuizPage *self)
{
  FwTask task = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "fw-task"));
  FwTask answer = fw_quiz_get_answer (self->question);
  FwQuizResult result;
  const FwTask *alternatives;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) others = g_string_new (NULL);

  if (self->answered)
    return;
  self->answered = TRUE;

  result = fw_quiz_check (self->question, task);
  self->answers[self->question] = task;
  fw_quiz_score_add (&self->score, result);
  update_score (self);

  for (guint t = FW_TASK_REGRESSION; t < FW_N_TASKS; t++)
    gtk_widget_set_sensitive (self->task_buttons[t], t == task || t == answer);
  gtk_widget_add_css_class (self->task_buttons[answer], "success");

  switch (result)
    {
    case FW_QUIZ_CORRECT:
      gtk_image_set_from_icon_name (self->feedback_icon, "emblem-ok-symbolic");
      gtk_label_set_text (self->feedback_title, _("Right"));
      g_string_append (body, fw_quiz_get_explanation (self->question));
      break;

    case FW_QUIZ_ALTERNATIVE:
      gtk_widget_add_css_class (self->task_buttons[task], "warning");
      gtk_image_set_from_icon_name (self->feedback_icon, "emblem-ok-symbolic");
      gtk_label_set_text (self->feedback_title, _("That works too"));
      g_string_append (body, fw_quiz_get_alternative_note (self->question, task));
      g_string_append (body, "\n\n");
      /* TRANSLATORS: %s is an ML task inside a sentence, e.g. "classification". */
      g_string_append_printf (body, _("The deck's answer is %s, and the score counts that."),
                              fw_task_in_sentence (answer));
      g_string_append (body, "\n");
      g_string_append (body, fw_quiz_get_explanation (self->question));
      break;

    case FW_QUIZ_WRONG:
    default:
      gtk_widget_add_css_class (self->task_buttons[task], "error");
      gtk_image_set_from_icon_name (self->feedback_icon, "dialog-information-symbolic");
      {
        /* TRANSLATORS: %s is an ML task inside a sentence, e.g. "regression". */
        g_autofree char *title = g_strdup_printf (_("The deck's answer is %s"),
                                                  fw_task_in_sentence (answer));
        gtk_label_set_text (self->feedback_title, title);
      }
      g_string_append (body, fw_quiz_get_explanation (self->question));
      break;
    }
  gtk_label_set_text (self->feedback_body, body->str);

  /* The deck asks "is there another way?" after the answers: ask it after every one,
   * with the other ways not chosen. */
  alternatives = fw_quiz_get_alternatives (self->question);
  for (guint a = 0; alternatives[a] != FW_TASK_UNDECIDED; a++)
    if (alternatives[a] != task)
      {
        g_string_append_printf (others, "%s%s", others->len ? "\n" : "",
                                fw_quiz_get_alternative_note (self->question,
                                                              alternatives[a]));
      }
  if (others->len == 0)
    g_string_append (others, _("Yours is the other way here."));
  {
    g_autofree char *text = g_strdup_printf ("%s\n%s", _("Is there another way?"),
                                             others->str);
    gtk_label_set_text (self->another_way, text);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->another_way), TRUE);

  gtk_button_set_label (GTK_BUTTON (self->next_button),
                        self->question + 1 < fw_quiz_get_n_questions ()
                          ? _("_Next Question") : _("_See Your Score"));
  gtk_widget_set_visible (self->feedback, TRUE);
  gtk_widget_set_visible (self->next_button, TRUE);
  gtk_widget_grab_focus (self->next_button);
}

static void
next_clicked_cb (FwQuizPage *self)
{
  if (!self->answered)
    return;
  if (self->question + 1 < fw_quiz_get_n_questions ())
    {
      self->question++;
      show_question (self);
    }
  else
    show_result (self);
}

static void
fw_quiz_page_finalize (GObject *object)
{
  FwQuizPage *self = FW_QUIZ_PAGE (object);

  g_free (self->answers);
  G_OBJECT_CLASS (fw_quiz_page_parent_class)->finalize (object);
}

static void
fw_quiz_page_class_init (FwQuizPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fw_quiz_page_finalize;
  gtk_widget_class_set_css_name (widget_class, "fwquizpage");
}

static void
fw_quiz_page_init (FwQuizPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *intro;
  GtkWidget *grid = gtk_flow_box_new ();
  GtkWidget *feedback_head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *retry;
  GtkWidget *result = adw_status_page_new ();

  self->answers = g_new0 (FwTask, fw_quiz_get_n_questions ());
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  intro = fw_ui_new_text (NULL, "title-1");
  gtk_label_set_text (GTK_LABEL (intro), _("Knowledge check: ML tasks"));
  gtk_box_append (GTK_BOX (box), intro);
  intro = fw_ui_new_text (NULL, "dim-label");
  gtk_label_set_text (GTK_LABEL (intro), _("Which ML task fits this use case?"));
  gtk_box_append (GTK_BOX (box), intro);

  self->progress = GTK_LABEL (fw_ui_new_text (NULL, "caption-heading"));
  self->question_label = GTK_LABEL (fw_ui_new_text (NULL, "title-2"));
  self->score_label = GTK_LABEL (fw_ui_new_text (NULL, "dim-label"));
  gtk_widget_set_name (GTK_WIDGET (self->score_label), "quiz-score");
  gtk_label_set_xalign (self->score_label, 1.0f);
  gtk_widget_set_hexpand (GTK_WIDGET (self->score_label), TRUE);
  {
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

    gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->progress));
    gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->score_label));
    gtk_box_append (GTK_BOX (box), row);
  }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->question_label));

  /* Two columns, or one in a narrow window. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (grid), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (grid), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (grid), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (grid), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (grid), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (grid), 12);
  for (guint t = FW_TASK_REGRESSION; t < FW_N_TASKS; t++)
    {
      GtkWidget *button = gtk_button_new_with_label (fw_task_label (t));
      g_autofree char *name = g_strdup_printf ("task-%s", fw_task_to_id (t));

      gtk_widget_set_name (button, name);
      gtk_widget_set_tooltip_text (button, fw_task_description (t));
      g_object_set_data (G_OBJECT (button), "fw-task", GUINT_TO_POINTER (t));
      g_signal_connect (button, "clicked", G_CALLBACK (task_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (grid), button);
      self->task_buttons[t] = button;
    }
  gtk_box_append (GTK_BOX (box), grid);

  self->feedback = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (self->feedback, "card");
  self->feedback_icon = GTK_IMAGE (gtk_image_new ());
  self->feedback_title = GTK_LABEL (fw_ui_new_text (NULL, "heading"));
  self->feedback_body = GTK_LABEL (fw_ui_new_text (NULL, NULL));
  self->another_way = GTK_LABEL (fw_ui_new_text (NULL, "dim-label"));
  gtk_widget_set_name (GTK_WIDGET (self->another_way), "quiz-another-way");
  gtk_box_append (GTK_BOX (feedback_head), GTK_WIDGET (self->feedback_icon));
  gtk_box_append (GTK_BOX (feedback_head), GTK_WIDGET (self->feedback_title));
  gtk_box_append (GTK_BOX (self->feedback), feedback_head);
  gtk_box_append (GTK_BOX (self->feedback), GTK_WIDGET (self->feedback_body));
  gtk_box_append (GTK_BOX (self->feedback), GTK_WIDGET (self->another_way));
  for (GtkWidget *child = gtk_widget_get_first_child (self->feedback); child;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, 18);
      gtk_widget_set_margin_end (child, 18);
    }
  gtk_widget_set_margin_top (feedback_head, 14);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->another_way), 14);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->feedback_body), 14);
  gtk_box_append (GTK_BOX (box), self->feedback);

  self->next_button = gtk_button_new_with_mnemonic (_("_Next Question"));
  gtk_widget_set_name (self->next_button, "quiz-next");
  gtk_widget_add_css_class (self->next_button, "suggested-action");
  gtk_widget_add_css_class (self->next_button, "pill");
  gtk_widget_set_halign (self->next_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->next_button);

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (self->stack, scroller, "question");

  self->result_page = ADW_STATUS_PAGE (result);
  gtk_widget_set_name (result, "quiz-result");
  retry = gtk_button_new_with_mnemonic (_("_Try Again"));
  gtk_widget_set_name (retry, "quiz-retry");
  gtk_widget_add_css_class (retry, "suggested-action");
  gtk_widget_add_css_class (retry, "pill");
  gtk_widget_set_halign (retry, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (retry, "clicked", G_CALLBACK (fw_quiz_page_restart), self);
  {
    GtkWidget *result_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
    GtkWidget *clamp_review = adw_clamp_new ();

    self->review_heading = gtk_label_new (_("Answers that were not the deck's"));
    gtk_widget_add_css_class (self->review_heading, "heading");
    gtk_label_set_wrap (GTK_LABEL (self->review_heading), TRUE);
    gtk_label_set_xalign (GTK_LABEL (self->review_heading), 0.0f);
    self->review_list = gtk_list_box_new ();
    gtk_widget_set_name (self->review_list, "quiz-review");
    gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->review_list), GTK_SELECTION_NONE);
    gtk_widget_add_css_class (self->review_list, "boxed-list");
    gtk_box_append (GTK_BOX (result_box), self->review_heading);
    gtk_box_append (GTK_BOX (result_box), self->review_list);
    gtk_widget_set_margin_top (retry, 12);
    gtk_box_append (GTK_BOX (result_box), retry);
    adw_clamp_set_maximum_size (ADW_CLAMP (clamp_review), 640);
    adw_clamp_set_child (ADW_CLAMP (clamp_review), result_box);
    adw_status_page_set_child (self->result_page, clamp_review);
  }
  gtk_stack_add_named (self->stack, result, "result");

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  fw_quiz_page_restart (self);
}

GtkWidget *
fw_quiz_page_new (void)
{
  return g_object_new (FW_TYPE_QUIZ_PAGE, NULL);
}

void
fw_quiz_page_restart (FwQuizPage *self)
{
  g_return_if_fail (FW_IS_QUIZ_PAGE (self));

  self->question = 0;
  memset (self->answers, 0, fw_quiz_get_n_questions () * sizeof *self->answers);
  fw_quiz_score_reset (&self->score);
  show_question (self);
}

const FwQuizScore *
fw_quiz_page_get_score (FwQuizPage *self)
{
  g_return_val_if_fail (FW_IS_QUIZ_PAGE (self), NULL);
  return &self->score;
}

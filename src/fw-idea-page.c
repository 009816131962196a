/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-flywheel-view.h"
#include "fw-idea-page.h"
#include "fw-team-panel.h"
#include "fw-ui.h"

/* Below this width the diagram moves under the form. */
#define WIDE_LAYOUT_MIN_WIDTH 860

struct _FwIdeaPage
{
  GtkWidget          parent_instance;

  FwIdea            *idea;
  /* The shown idea's "changed", followed whichever idea it is. */
  GSignalGroup      *idea_signals;
  gboolean           narrow;
  gboolean           larger_diagram;
  guint              layout_idle;
  /* Where the divider is, side by side: the default until the user moves it, then
   * the form's share of the width. */
  gboolean           divider_moved;
  double             editor_share;
  gboolean           placing_divider;

  GtkScrolledWindow *idea_scroller;
  GtkPaned          *idea_layout;
  GtkScrolledWindow *editor_scroller;
  GtkScrolledWindow *side_scroller;
  FwIdeaEditor      *editor;
  FwFlywheelView    *flywheel_view;
  GtkLabel          *verdict_label;
  GtkLabel          *score_label;
  GtkLabel          *reasons_label;
  GtkWidget         *advice_heading;
  GtkLabel          *advice_label;
  FwTeamPanel       *team_panel;
};

G_DEFINE_FINAL_TYPE (FwIdeaPage, fw_idea_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_IDEA,
  PROP_LARGER_DIAGRAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The verdict panel follows every change of the idea. */
static void
update (FwIdeaPage *self)
{
  g_autoptr(FwAssessment) assessment = NULL;
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autoptr(GString) advice = g_string_new (NULL);
  g_autofree char *score = NULL;
  const char * const *tips;
  FwVerdict verdict;

  if (self->idea == NULL)
    return;

  assessment = fw_assessment_new (self->idea);
  verdict = fw_assessment_get_verdict (assessment);
  gtk_label_set_text (self->verdict_label, fw_verdict_label (verdict));
  fw_ui_set_verdict_style (GTK_WIDGET (self->verdict_label), verdict);

  score = fw_format_score_line (fw_assessment_get_score (assessment),
                                fw_assessment_get_poc_priority (assessment));
  gtk_label_set_text (self->score_label, score);

  for (guint i = 0; i < fw_assessment_get_n_reasons (assessment); i++)
    g_string_append_printf (reasons, "%s• %s", i ? "\n" : "",
                            fw_assessment_get_reason (assessment, i)->text);
  gtk_label_set_text (self->reasons_label, reasons->str);

  tips = fw_assessment_get_advice (assessment);
  for (guint i = 0; tips && tips[i]; i++)
    g_string_append_printf (advice, "%s• %s", i ? "\n" : "", tips[i]);
  gtk_label_set_text (self->advice_label, advice->str);
  gtk_widget_set_visible (self->advice_heading, advice->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->advice_label), advice->len > 0);
}

static void
stage_activated_cb (FwIdeaPage *self,
                    int         stage)
{
  fw_idea_page_set_larger_diagram (self, FALSE);
  fw_idea_editor_focus_stage (self->editor, stage);
}

/* Side by side when wide, stacked and scrolled as one when narrow. */
static void
apply_layout (FwIdeaPage *self)
{
  GtkPolicyType inner = self->narrow ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->idea_layout),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL
                                               : GTK_ORIENTATION_HORIZONTAL);
  /* EXTERNAL: neither side's content may widen the window; when the window is
   * too narrow for both, the next allocation stacks them instead. */
  gtk_scrolled_window_set_policy (self->editor_scroller, GTK_POLICY_EXTERNAL, inner);
  gtk_scrolled_window_set_policy (self->side_scroller, GTK_POLICY_EXTERNAL, inner);
  gtk_scrolled_window_set_propagate_natural_height (self->editor_scroller, self->narrow);
  gtk_scrolled_window_set_propagate_natural_height (self->side_scroller, self->narrow);
  gtk_scrolled_window_set_policy (self->idea_scroller, GTK_POLICY_NEVER,
                                  self->narrow ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
}

static gboolean
apply_layout_idle (gpointer data)
{
  FwIdeaPage *self = data;

  self->layout_idle = 0;
  /* Side by side again: the divider's default place for the new width. */
  self->divider_moved = FALSE;
  apply_layout (self);
  return G_SOURCE_REMOVE;
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* The divider's places, side by side, where neither side is cut: the two scrolled
 * windows scroll sideways (GTK_POLICY_EXTERNAL, so that they never widen the window),
 * so GtkPaned sees no least width of theirs and would let either be cut. */
static void
divider_limits (FwIdeaPage *self,
                int         width,
                int        *lowest,
                int        *highest)
{
  GtkWidget *editor = gtk_scrolled_window_get_child (self->editor_scroller);
  GtkWidget *side = gtk_scrolled_window_get_child (self->side_scroller);
  int handle = minimum_width (GTK_WIDGET (self->idea_layout)) -
               minimum_width (GTK_WIDGET (self->editor_scroller)) -
               minimum_width (GTK_WIDGET (self->side_scroller));

  *lowest = minimum_width (editor);
  *highest = MAX (*lowest, width - MAX (handle, 0) - minimum_width (side));
}

/* Half each, unless the diagram would get less than it needs for its text: then it
 * gets that, the form what is left (at the default 1200 px window: 372 px of 869 for
 * the form, where half left the diagram 408 px and its stage names cut). */
static int
default_divider (FwIdeaPage *self,
                 int         width)
{
  GtkWidget *side = gtk_widget_get_parent (GTK_WIDGET (self->flywheel_view));
  int handle = minimum_width (GTK_WIDGET (self->idea_layout)) -
               minimum_width (GTK_WIDGET (self->editor_scroller)) -
               minimum_width (GTK_WIDGET (self->side_scroller));
  int wanted = fw_flywheel_view_get_legible_width (self->flywheel_view) +
               gtk_widget_get_margin_start (side) + gtk_widget_get_margin_end (side) +
               MAX (handle, 0);

  return MIN (width / 2, width - wanted);
}

static void
place_divider (FwIdeaPage *self,
               int         position)
{
  self->placing_divider = TRUE;
  gtk_paned_set_position (self->idea_layout, position);
  self->placing_divider = FALSE;
}

/* A move by the user (dragged, or from the keyboard): kept to where neither side is
 * cut, and remembered as the form's share of the width. */
static void
position_changed_cb (FwIdeaPage *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->idea_layout));
  int position = gtk_paned_get_position (self->idea_layout);
  int lowest, highest;

  if (self->placing_divider || self->narrow || self->larger_diagram || width <= 0)
    return;
  divider_limits (self, width, &lowest, &highest);
  self->divider_moved = TRUE;
  if (position < lowest || position > highest)
    place_divider (self, CLAMP (position, lowest, highest));
  self->editor_share = (double) gtk_paned_get_position (self->idea_layout) / width;
}

static void
fw_idea_page_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  FwIdeaPage *self = FW_IDEA_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->idea_scroller), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

/* Allocated by hand rather than by a layout manager: a widget with one never
 * sees its size_allocate, and the page must notice its width to fold. */
static void
fw_idea_page_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  FwIdeaPage *self = FW_IDEA_PAGE (widget);
  gboolean narrow = width < WIDE_LAYOUT_MIN_WIDTH;

  if (!self->narrow && !self->larger_diagram)
    {
      int position = self->divider_moved ? (int) (self->editor_share * width + 0.5)
                                         : default_divider (self, width);
      int lowest, highest;

      divider_limits (self, width, &lowest, &highest);
      position = CLAMP (position, lowest, highest);
      if (position != gtk_paned_get_position (self->idea_layout))
        place_divider (self, position);
    }
  gtk_widget_allocate (GTK_WIDGET (self->idea_scroller), width, height, baseline, NULL);

  /* Changing the layout while allocating would re-enter allocation. */
  if (narrow != self->narrow && self->layout_idle == 0)
    {
      self->narrow = narrow;
      self->layout_idle = g_idle_add (apply_layout_idle, self);
    }
}

static void
fw_idea_page_dispose (GObject *object)
{
  FwIdeaPage *self = FW_IDEA_PAGE (object);

  g_clear_handle_id (&self->layout_idle, g_source_remove);
  if (self->editor)
    fw_idea_editor_set_idea (self->editor, NULL, NULL);
  if (self->team_panel)
    fw_team_panel_set_idea (self->team_panel, NULL, NULL);
  if (self->idea_signals)
    g_signal_group_set_target (self->idea_signals, NULL);
  g_clear_object (&self->idea_signals);
  g_clear_object (&self->idea);
  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_IDEA_PAGE);

  G_OBJECT_CLASS (fw_idea_page_parent_class)->dispose (object);
}

static void
fw_idea_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FwIdeaPage *self = FW_IDEA_PAGE (object);

  switch (prop_id)
    {
    case PROP_IDEA:
      g_value_set_object (value, self->idea);
      break;
    case PROP_LARGER_DIAGRAM:
      g_value_set_boolean (value, self->larger_diagram);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_idea_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FwIdeaPage *self = FW_IDEA_PAGE (object);

  switch (prop_id)
    {
    case PROP_LARGER_DIAGRAM:
      fw_idea_page_set_larger_diagram (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_idea_page_class_init (FwIdeaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_idea_page_dispose;
  object_class->get_property = fw_idea_page_get_property;
  object_class->set_property = fw_idea_page_set_property;
  widget_class->measure = fw_idea_page_measure;
  widget_class->size_allocate = fw_idea_page_size_allocate;

  properties[PROP_IDEA] =
    g_param_spec_object ("idea", NULL, NULL, FW_TYPE_IDEA,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LARGER_DIAGRAM] =
    g_param_spec_boolean ("larger-diagram", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "idea-page.larger-diagram",
                                            "larger-diagram");

  g_type_ensure (FW_TYPE_IDEA_EDITOR);
  g_type_ensure (FW_TYPE_FLYWHEEL_VIEW);
  g_type_ensure (FW_TYPE_TEAM_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/fw-idea-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FwIdeaPage, idea_scroller);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaPage, idea_layout);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaPage, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaPage, side_scroller);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaPage, editor);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaPage, flywheel_view);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaPage, reasons_label);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaPage, advice_heading);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaPage, advice_label);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaPage, team_panel);
  gtk_widget_class_bind_template_callback (widget_class, stage_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, position_changed_cb);
}

static void
fw_idea_page_init (FwIdeaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->idea_signals = g_signal_group_new (FW_TYPE_IDEA);
  g_signal_group_connect_swapped (self->idea_signals, "changed", G_CALLBACK (update), self);
  g_object_bind_property (adw_style_manager_get_default (), "dark",
                          self->flywheel_view, "dark", G_BINDING_SYNC_CREATE);
  apply_layout (self);
}

GtkWidget *
fw_idea_page_new (void)
{
  return g_object_new (FW_TYPE_IDEA_PAGE, NULL);
}

void
fw_idea_page_set_idea (FwIdeaPage *self,
                       FwWorkbook *workbook,
                       FwIdea     *idea)
{
  g_return_if_fail (FW_IS_IDEA_PAGE (self));
  g_return_if_fail (idea == NULL || FW_IS_IDEA (idea));

  if (self->idea == idea)
    return;
  g_set_object (&self->idea, idea);
  g_signal_group_set_target (self->idea_signals, idea);
  fw_idea_editor_set_idea (self->editor, workbook, idea);
  fw_flywheel_view_set_idea (self->flywheel_view, idea);
  fw_team_panel_set_idea (self->team_panel, idea ? workbook : NULL, idea);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDEA]);
}

FwIdea *
fw_idea_page_get_idea (FwIdeaPage *self)
{
  g_return_val_if_fail (FW_IS_IDEA_PAGE (self), NULL);
  return self->idea;
}

void
fw_idea_page_set_larger_diagram (FwIdeaPage *self,
                                 gboolean    larger)
{
  g_return_if_fail (FW_IS_IDEA_PAGE (self));

  larger = !!larger;
  if (self->larger_diagram == larger)
    return;
  self->larger_diagram = larger;
  gtk_widget_set_visible (GTK_WIDGET (self->editor_scroller), !larger);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LARGER_DIAGRAM]);
}

gboolean
fw_idea_page_get_larger_diagram (FwIdeaPage *self)
{
  g_return_val_if_fail (FW_IS_IDEA_PAGE (self), FALSE);
  return self->larger_diagram;
}

FwIdeaEditor *
fw_idea_page_get_editor (FwIdeaPage *self)
{
  g_return_val_if_fail (FW_IS_IDEA_PAGE (self), NULL);
  return self->editor;
}

GtkWidget *
fw_idea_page_get_flywheel_view (FwIdeaPage *self)
{
  g_return_val_if_fail (FW_IS_IDEA_PAGE (self), NULL);
  return GTK_WIDGET (self->flywheel_view);
}

const char *
fw_idea_page_get_verdict_text (FwIdeaPage *self)
{
  g_return_val_if_fail (FW_IS_IDEA_PAGE (self), NULL);
  return gtk_label_get_text (self->verdict_label);
}

FwTeamPanel *
fw_idea_page_get_team_panel (FwIdeaPage *self)
{
  g_return_val_if_fail (FW_IS_IDEA_PAGE (self), NULL);
  return self->team_panel;
}

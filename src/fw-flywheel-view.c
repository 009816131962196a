/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-flywheel-render.h"
#include "fw-flywheel-view.h"

/* Only forwards to the core: the layout decides where things are, the core
 * draws them. The view adds pointer and keyboard handling and accessibility. */

struct _FwFlywheelView
{
  GtkWidget          parent_instance;

  FwFlywheelDiagram *diagram;
  gboolean           dark;
  gboolean           show_legend;
  int                hovered;   /* stage under the pointer, or -1 */
  int                focused;   /* stage chosen with the keyboard, or -1 */
};

/* Body text on screen; labels are 0.85 of it, so at least 11 px. */
#define MIN_FONT_SIZE 13.0

G_DEFINE_FINAL_TYPE (FwFlywheelView, fw_flywheel_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_IDEA,
  PROP_CASE,
  PROP_DARK,
  PROP_SHOW_LEGEND,
  N_PROPS
};

enum {
  STAGE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static FwFlywheelLayout *
current_layout (FwFlywheelView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0)
    return NULL;
  return fw_flywheel_diagram_get_layout (self->diagram, width, height);
}

static void
update_accessible (FwFlywheelView *self)
{
  const FwFlywheelInput *input = fw_flywheel_diagram_get_input (self->diagram);
  g_autofree char *label = NULL;

  if (input == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Flywheel diagram"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "",
                                      -1);
      return;
    }
  /* TRANSLATORS: the diagram's name for screen readers; %s is the idea's title */
  label = g_strdup_printf (_("Flywheel of “%s”"), input->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, input->description,
                                  -1);
}

static void
diagram_changed_cb (FwFlywheelView *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_style (FwFlywheelView *self)
{
  FwDiagramStyle style;

  fw_diagram_style_init (&style, self->dark ? FW_DIAGRAM_THEME_DARK : FW_DIAGRAM_THEME_LIGHT);
  style.show_legend = self->show_legend;
  /* On screen the wheel sits in a panel a few hundred pixels wide, read at arm's
   * length: larger text than a slide of the same size needs. */
  style.font_scale = 1.35;
  /* Labels are 0.85 em: at least 11 px on screen however small the panel;
   * the layout wraps and shortens the whys to fit. */
  style.min_font_size = MIN_FONT_SIZE;
  fw_flywheel_diagram_set_style (self->diagram, &style);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static int
highlighted (FwFlywheelView *self)
{
  if (self->hovered >= 0)
    return self->hovered;
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    return self->focused;
  return -1;
}

static void
set_hovered (FwFlywheelView *self,
             int             stage)
{
  if (self->hovered == stage)
    return;
  self->hovered = stage;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (FwFlywheelView           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  set_hovered (self, fw_flywheel_view_stage_at (self, x, y));
}

static void
leave_cb (FwFlywheelView           *self,
          GtkEventControllerMotion *controller)
{
  set_hovered (self, -1);
}

static void
released_cb (FwFlywheelView *self,
             int             n_press,
             double          x,
             double          y,
             GtkGestureClick *gesture)
{
  int stage = fw_flywheel_view_stage_at (self, x, y);

  if (stage < 0)
    return;
  self->focused = stage;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals[STAGE_ACTIVATED], 0, stage);
}

static gboolean
key_pressed_cb (FwFlywheelView        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      self->focused = (self->focused + 1) % FW_N_STAGES;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      self->focused = (self->focused + FW_N_STAGES - 1) % FW_N_STAGES;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      g_signal_emit (self, signals[STAGE_ACTIVATED], 0, MAX (self->focused, 0));
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return GDK_EVENT_STOP;
}

static void
focus_changed_cb (FwFlywheelView *self)
{
  if (self->focused < 0)
    self->focused = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (FwFlywheelView *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  const FwFlywheelInput *input = fw_flywheel_diagram_get_input (self->diagram);
  int stage = keyboard ? self->focused : fw_flywheel_view_stage_at (self, x, y);
  GString *text;

  if (input == NULL || stage < 0)
    return FALSE;

  text = g_string_new (input->stage_labels[stage]);
  if (!input->is_case)
    g_string_append_printf (text, " — %s", input->state_texts[stage]);
  g_string_append_printf (text, "\n%s", input->questions[stage]);
  if (*input->whys[stage])
    g_string_append_printf (text, "\n%s", input->whys[stage]);
  if (input->losing_cases[stage])
    g_string_append_printf (text, "\n\n%s", input->losing_cases[stage]);
  if (*input->details[stage])
    g_string_append_printf (text, "\n\n%s", input->details[stage]);
  gtk_tooltip_set_text (tooltip, text->str);
  g_string_free (text, TRUE);
  return TRUE;
}

static void
fw_flywheel_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  FwFlywheelView *self = FW_FLYWHEEL_VIEW (widget);
  FwFlywheelLayout *layout = current_layout (self);
  cairo_t *cr;

  if (layout == NULL)
    return;
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                       gtk_widget_get_height (widget)));
  fw_flywheel_draw (layout, cr, highlighted (self));
  cairo_destroy (cr);
}

static void
fw_flywheel_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 800;
    }
  else
    {
      /* Height follows width, so the wheel keeps its shape beside the form
       * and under it on a narrow window; but never less than the text, kept
       * legible on screen (MIN_FONT_SIZE), needs for the four stages to sit
       * around the hub without touching. */
      int legible = (int) (MIN_FONT_SIZE * 34);

      *natural = for_size > 0 ? MAX (legible, MIN (for_size * 4 / 5, 900)) : 600;
      /* Also the least: a scrolled page gives its content the least height
       * it asks for (GTK_SCROLL_MINIMUM), and the wheel must not be squeezed. */
      *minimum = *natural;
    }
}

static GtkSizeRequestMode
fw_flywheel_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
fw_flywheel_view_dispose (GObject *object)
{
  FwFlywheelView *self = FW_FLYWHEEL_VIEW (object);

  if (self->diagram)
    g_signal_handlers_disconnect_by_data (self->diagram, self);
  g_clear_object (&self->diagram);

  G_OBJECT_CLASS (fw_flywheel_view_parent_class)->dispose (object);
}

static void
fw_flywheel_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FwFlywheelView *self = FW_FLYWHEEL_VIEW (object);

  switch (prop_id)
    {
    case PROP_IDEA:
      g_value_set_object (value, fw_flywheel_view_get_idea (self));
      break;
    case PROP_CASE:
      g_value_set_object (value, fw_flywheel_view_get_case (self));
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_flywheel_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FwFlywheelView *self = FW_FLYWHEEL_VIEW (object);

  switch (prop_id)
    {
    case PROP_IDEA:
      fw_flywheel_view_set_idea (self, g_value_get_object (value));
      break;
    case PROP_CASE:
      fw_flywheel_view_set_case (self, g_value_get_object (value));
      break;
    case PROP_DARK:
      fw_flywheel_view_set_dark (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_LEGEND:
      fw_flywheel_view_set_show_legend (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_flywheel_view_class_init (FwFlywheelViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_flywheel_view_dispose;
  object_class->get_property = fw_flywheel_view_get_property;
  object_class->set_property = fw_flywheel_view_set_property;
  widget_class->snapshot = fw_flywheel_view_snapshot;
  widget_class->measure = fw_flywheel_view_measure;
  widget_class->get_request_mode = fw_flywheel_view_get_request_mode;

  properties[PROP_IDEA] =
    g_param_spec_object ("idea", NULL, NULL, FW_TYPE_IDEA,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, FW_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwFlywheelView::stage-activated:
   * @stage: the FwStage clicked, or chosen with Enter
   *
   * The user asked to go to the stage's question.
   */
  signals[STAGE_ACTIVATED] = g_signal_new ("stage-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "flywheel");
}

static void
fw_flywheel_view_init (FwFlywheelView *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->hovered = -1;
  self->focused = -1;
  self->show_legend = TRUE;
  self->diagram = fw_flywheel_diagram_new ();
  g_signal_connect_swapped (self->diagram, "changed", G_CALLBACK (diagram_changed_cb), self);
  update_style (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_accessible (self);
}

GtkWidget *
fw_flywheel_view_new (void)
{
  return g_object_new (FW_TYPE_FLYWHEEL_VIEW, NULL);
}

FwIdea *
fw_flywheel_view_get_idea (FwFlywheelView *self)
{
  g_return_val_if_fail (FW_IS_FLYWHEEL_VIEW (self), NULL);
  return fw_flywheel_diagram_get_idea (self->diagram);
}

void
fw_flywheel_view_set_idea (FwFlywheelView *self,
                           FwIdea         *idea)
{
  gboolean had_case;

  g_return_if_fail (FW_IS_FLYWHEEL_VIEW (self));

  if (idea == fw_flywheel_diagram_get_idea (self->diagram))
    return;
  had_case = fw_flywheel_diagram_get_case (self->diagram) != NULL;
  fw_flywheel_diagram_set_idea (self->diagram, idea);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDEA]);
  if (had_case)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

FwCase *
fw_flywheel_view_get_case (FwFlywheelView *self)
{
  g_return_val_if_fail (FW_IS_FLYWHEEL_VIEW (self), NULL);
  return fw_flywheel_diagram_get_case (self->diagram);
}

void
fw_flywheel_view_set_case (FwFlywheelView *self,
                           FwCase         *item)
{
  gboolean had_idea;

  g_return_if_fail (FW_IS_FLYWHEEL_VIEW (self));

  if (item == fw_flywheel_diagram_get_case (self->diagram))
    return;
  had_idea = fw_flywheel_diagram_get_idea (self->diagram) != NULL;
  fw_flywheel_diagram_set_case (self->diagram, item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
  if (had_idea)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDEA]);
}

gboolean
fw_flywheel_view_get_dark (FwFlywheelView *self)
{
  g_return_val_if_fail (FW_IS_FLYWHEEL_VIEW (self), FALSE);
  return self->dark;
}

void
fw_flywheel_view_set_dark (FwFlywheelView *self,
                           gboolean        dark)
{
  g_return_if_fail (FW_IS_FLYWHEEL_VIEW (self));

  dark = !!dark;
  if (self->dark == dark)
    return;
  self->dark = dark;
  update_style (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

gboolean
fw_flywheel_view_get_show_legend (FwFlywheelView *self)
{
  g_return_val_if_fail (FW_IS_FLYWHEEL_VIEW (self), FALSE);
  return self->show_legend;
}

void
fw_flywheel_view_set_show_legend (FwFlywheelView *self,
                                  gboolean        show_legend)
{
  g_return_if_fail (FW_IS_FLYWHEEL_VIEW (self));

  show_legend = !!show_legend;
  if (self->show_legend == show_legend)
    return;
  self->show_legend = show_legend;
  update_style (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEGEND]);
}

FwFlywheelDiagram *
fw_flywheel_view_get_diagram (FwFlywheelView *self)
{
  g_return_val_if_fail (FW_IS_FLYWHEEL_VIEW (self), NULL);
  return self->diagram;
}

int
fw_flywheel_view_stage_at (FwFlywheelView *self,
                           double          x,
                           double          y)
{
  FwFlywheelLayout *layout;

  g_return_val_if_fail (FW_IS_FLYWHEEL_VIEW (self), -1);

  layout = current_layout (self);
  return layout ? fw_flywheel_layout_stage_at (layout, x, y) : -1;
}

int
fw_flywheel_view_get_legible_width (FwFlywheelView *self)
{
  g_return_val_if_fail (FW_IS_FLYWHEEL_VIEW (self), 0);

  /* 36 em of the smallest body text. Measured on the samples: the stages' names
   * fit their nodes from 424 px in English (380 in Japanese); from 468 the notes
   * keep their headings whole and a line or two of the why, and the legend fits
   * one line, which leaves the wheel more height. */
  return (int) (MIN_FONT_SIZE * 36);
}

void
fw_flywheel_view_refresh (FwFlywheelView *self)
{
  g_return_if_fail (FW_IS_FLYWHEEL_VIEW (self));

  fw_flywheel_diagram_invalidate (self->diagram);
  diagram_changed_cb (self);
}

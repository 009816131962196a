/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-flywheel-diagram.h"

struct _FwFlywheelDiagram
{
  GObject           parent_instance;

  FwIdea           *idea;
  FwCase           *item;
  gulong            changed_id;
  FwDiagramStyle    style;
  PangoContext     *context;

  FwFlywheelInput  *input;
  FwFlywheelLayout *layout;
  guint             n_layouts;
};

G_DEFINE_FINAL_TYPE (FwFlywheelDiagram, fw_flywheel_diagram, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
drop_layout (FwFlywheelDiagram *self)
{
  g_clear_pointer (&self->layout, fw_flywheel_layout_free);
}

static void
drop_input (FwFlywheelDiagram *self)
{
  drop_layout (self);
  g_clear_pointer (&self->input, fw_flywheel_input_free);
}

static void
model_changed_cb (FwFlywheelDiagram *self)
{
  drop_input (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
disconnect_model (FwFlywheelDiagram *self)
{
  GObject *model = self->idea ? G_OBJECT (self->idea) : G_OBJECT (self->item);

  if (model && self->changed_id)
    g_signal_handler_disconnect (model, self->changed_id);
  self->changed_id = 0;
  g_clear_object (&self->idea);
  g_clear_object (&self->item);
}

static void
fw_flywheel_diagram_dispose (GObject *object)
{
  FwFlywheelDiagram *self = FW_FLYWHEEL_DIAGRAM (object);

  disconnect_model (self);
  drop_input (self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (fw_flywheel_diagram_parent_class)->dispose (object);
}

static void
fw_flywheel_diagram_class_init (FwFlywheelDiagramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_flywheel_diagram_dispose;

  /**
   * FwFlywheelDiagram::changed:
   *
   * The idea or case shown changed, or was replaced.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fw_flywheel_diagram_init (FwFlywheelDiagram *self)
{
  fw_diagram_style_init (&self->style, FW_DIAGRAM_THEME_LIGHT);
}

FwFlywheelDiagram *
fw_flywheel_diagram_new (void)
{
  return g_object_new (FW_TYPE_FLYWHEEL_DIAGRAM, NULL);
}

FwIdea *
fw_flywheel_diagram_get_idea (FwFlywheelDiagram *self)
{
  g_return_val_if_fail (FW_IS_FLYWHEEL_DIAGRAM (self), NULL);
  return self->idea;
}

void
fw_flywheel_diagram_set_idea (FwFlywheelDiagram *self,
                              FwIdea            *idea)
{
  g_return_if_fail (FW_IS_FLYWHEEL_DIAGRAM (self));
  g_return_if_fail (idea == NULL || FW_IS_IDEA (idea));

  if (idea == self->idea && self->item == NULL)
    return;
  disconnect_model (self);
  if (idea)
    {
      self->idea = g_object_ref (idea);
      self->changed_id = g_signal_connect_swapped (idea, "changed",
                                                   G_CALLBACK (model_changed_cb), self);
    }
  model_changed_cb (self);
}

FwCase *
fw_flywheel_diagram_get_case (FwFlywheelDiagram *self)
{
  g_return_val_if_fail (FW_IS_FLYWHEEL_DIAGRAM (self), NULL);
  return self->item;
}

void
fw_flywheel_diagram_set_case (FwFlywheelDiagram *self,
                              FwCase            *item)
{
  g_return_if_fail (FW_IS_FLYWHEEL_DIAGRAM (self));
  g_return_if_fail (item == NULL || FW_IS_CASE (item));

  if (item == self->item && self->idea == NULL)
    return;
  disconnect_model (self);
  if (item)
    {
      self->item = g_object_ref (item);
      self->changed_id = g_signal_connect_swapped (item, "changed",
                                                   G_CALLBACK (model_changed_cb), self);
    }
  model_changed_cb (self);
}

const FwDiagramStyle *
fw_flywheel_diagram_get_style (FwFlywheelDiagram *self)
{
  g_return_val_if_fail (FW_IS_FLYWHEEL_DIAGRAM (self), NULL);
  return &self->style;
}

void
fw_flywheel_diagram_set_style (FwFlywheelDiagram    *self,
                               const FwDiagramStyle *style)
{
  g_return_if_fail (FW_IS_FLYWHEEL_DIAGRAM (self));
  g_return_if_fail (style != NULL);

  if (fw_diagram_style_equal (&self->style, style))
    return;
  self->style = *style;
  /* Label markup carries the theme's colours: the input stays, the layout goes. */
  drop_layout (self);
}

void
fw_flywheel_diagram_set_pango_context (FwFlywheelDiagram *self,
                                       PangoContext      *context)
{
  g_return_if_fail (FW_IS_FLYWHEEL_DIAGRAM (self));

  if (g_set_object (&self->context, context))
    drop_layout (self);
}

void
fw_flywheel_diagram_invalidate (FwFlywheelDiagram *self)
{
  g_return_if_fail (FW_IS_FLYWHEEL_DIAGRAM (self));
  drop_input (self);
}

const FwFlywheelInput *
fw_flywheel_diagram_get_input (FwFlywheelDiagram *self)
{
  g_return_val_if_fail (FW_IS_FLYWHEEL_DIAGRAM (self), NULL);

  if (self->input == NULL)
    {
      if (self->idea)
        self->input = fw_flywheel_input_new_for_idea (self->idea);
      else if (self->item)
        self->input = fw_flywheel_input_new_for_case (self->item);
    }
  return self->input;
}

FwFlywheelLayout *
fw_flywheel_diagram_get_layout (FwFlywheelDiagram *self,
                                double             width,
                                double             height)
{
  const FwFlywheelInput *input;

  g_return_val_if_fail (FW_IS_FLYWHEEL_DIAGRAM (self), NULL);

  input = fw_flywheel_diagram_get_input (self);
  if (input == NULL)
    return NULL;
  if (self->layout &&
      fw_flywheel_layout_get_width (self->layout) == MAX (width, 1) &&
      fw_flywheel_layout_get_height (self->layout) == MAX (height, 1))
    return self->layout;

  drop_layout (self);
  self->layout = fw_flywheel_layout_new (input, width, height, &self->style, self->context);
  self->n_layouts++;
  return self->layout;
}

guint
fw_flywheel_diagram_get_n_layouts (FwFlywheelDiagram *self)
{
  g_return_val_if_fail (FW_IS_FLYWHEEL_DIAGRAM (self), 0);
  return self->n_layouts;
}

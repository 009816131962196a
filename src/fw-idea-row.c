/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-idea-row.h"
#include "fw-ui.h"

struct _FwIdeaRow
{
  GtkWidget     parent_instance;

  GSignalGroup *idea_signals;
  GtkImage     *icon;
  GtkLabel     *title;
  GtkLabel     *subtitle;
};

G_DEFINE_FINAL_TYPE (FwIdeaRow, fw_idea_row, GTK_TYPE_WIDGET)

static void
update (FwIdeaRow *self)
{
  g_autoptr(FwIdea) idea = g_signal_group_dup_target (self->idea_signals);
  g_autoptr(FwAssessment) assessment = NULL;
  g_autofree char *status = NULL;
  g_autofree char *name = NULL;
  FwVerdict verdict;

  if (idea == NULL)
    return;
  assessment = fw_assessment_new (idea);
  verdict = fw_assessment_get_verdict (assessment);
  gtk_image_set_from_icon_name (self->icon, fw_ui_verdict_icon_name (verdict));
  fw_ui_set_verdict_style (GTK_WIDGET (self->icon), verdict);
  name = fw_idea_dup_display_title (idea);
  gtk_label_set_text (self->title, name);
  status = fw_format_summary (verdict, fw_assessment_get_score (assessment), -1);
  gtk_label_set_text (self->subtitle, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status,
                                  -1);
}

static void
fw_idea_row_dispose (GObject *object)
{
  FwIdeaRow *self = FW_IDEA_ROW (object);
  GtkWidget *child;

  if (self->idea_signals)
    g_signal_group_set_target (self->idea_signals, NULL);
  g_clear_object (&self->idea_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_IDEA_ROW);
  /* GTK 4.8 only disposes the template children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fw_idea_row_parent_class)->dispose (object);
}

static void
fw_idea_row_class_init (FwIdeaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_idea_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/fw-idea-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FwIdeaRow, icon);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaRow, title);
  gtk_widget_class_bind_template_child (widget_class, FwIdeaRow, subtitle);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fw_idea_row_init (FwIdeaRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->idea_signals = g_signal_group_new (FW_TYPE_IDEA);
  g_signal_group_connect_swapped (self->idea_signals, "changed", G_CALLBACK (update), self);
}

GtkWidget *
fw_idea_row_new (void)
{
  return g_object_new (FW_TYPE_IDEA_ROW, NULL);
}

void
fw_idea_row_set_idea (FwIdeaRow *self,
                      FwIdea    *idea)
{
  g_return_if_fail (FW_IS_IDEA_ROW (self));
  g_return_if_fail (idea == NULL || FW_IS_IDEA (idea));

  g_signal_group_set_target (self->idea_signals, idea);
  update (self);
}

FwIdea *
fw_idea_row_dup_idea (FwIdeaRow *self)
{
  g_return_val_if_fail (FW_IS_IDEA_ROW (self), NULL);
  return g_signal_group_dup_target (self->idea_signals);
}

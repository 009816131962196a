/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fw-core.h"
#include "fw-flywheel-diagram.h"

G_BEGIN_DECLS

#define FW_TYPE_FLYWHEEL_VIEW (fw_flywheel_view_get_type ())
G_DECLARE_FINAL_TYPE (FwFlywheelView, fw_flywheel_view, FW, FLYWHEEL_VIEW, GtkWidget)

GtkWidget         *fw_flywheel_view_new          (void);
FwIdea            *fw_flywheel_view_get_idea     (FwFlywheelView *self);
void               fw_flywheel_view_set_idea     (FwFlywheelView *self,
                                                  FwIdea         *idea);
FwCase            *fw_flywheel_view_get_case     (FwFlywheelView *self);
void               fw_flywheel_view_set_case     (FwFlywheelView *self,
                                                  FwCase         *item);
gboolean           fw_flywheel_view_get_dark     (FwFlywheelView *self);
void               fw_flywheel_view_set_dark     (FwFlywheelView *self,
                                                  gboolean        dark);
gboolean           fw_flywheel_view_get_show_legend (FwFlywheelView *self);
void               fw_flywheel_view_set_show_legend (FwFlywheelView *self,
                                                  gboolean        show_legend);
/* The cache behind the view, e.g. for exports of what is shown. */
FwFlywheelDiagram *fw_flywheel_view_get_diagram  (FwFlywheelView *self);
/* The stage under widget coordinates @x, @y, or -1. */
int                fw_flywheel_view_stage_at     (FwFlywheelView *self,
                                                  double          x,
                                                  double          y);
/* The width at which the diagram reads well beside the form: its text at its
 * smallest size on screen, the stages' names whole, the notes' headings whole and
 * the legend on one line. */
int                fw_flywheel_view_get_legible_width (FwFlywheelView *self);
/* Re-reads translated texts, e.g. after the language changed. */
void               fw_flywheel_view_refresh      (FwFlywheelView *self);

G_END_DECLS

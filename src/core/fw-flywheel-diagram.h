/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-flywheel-layout.h"

G_BEGIN_DECLS

/* Holds an idea or a case, a style and the last layout, and lays out again
 * only when one of them, or the size asked for, changes. Emits "changed" when
 * the idea or case changes, so a view can redraw and update its description. */
#define FW_TYPE_FLYWHEEL_DIAGRAM (fw_flywheel_diagram_get_type ())
G_DECLARE_FINAL_TYPE (FwFlywheelDiagram, fw_flywheel_diagram, FW, FLYWHEEL_DIAGRAM, GObject)

FwFlywheelDiagram     *fw_flywheel_diagram_new               (void);

FwIdea                *fw_flywheel_diagram_get_idea          (FwFlywheelDiagram    *self);
/* Replaces the case, if any. */
void                   fw_flywheel_diagram_set_idea          (FwFlywheelDiagram    *self,
                                                              FwIdea               *idea);
FwCase                *fw_flywheel_diagram_get_case          (FwFlywheelDiagram    *self);
/* Replaces the idea, if any. */
void                   fw_flywheel_diagram_set_case          (FwFlywheelDiagram    *self,
                                                              FwCase               *item);
const FwDiagramStyle  *fw_flywheel_diagram_get_style         (FwFlywheelDiagram    *self);
void                   fw_flywheel_diagram_set_style         (FwFlywheelDiagram    *self,
                                                              const FwDiagramStyle *style);
/* NULL: a default context with unhinted metrics. */
void                   fw_flywheel_diagram_set_pango_context (FwFlywheelDiagram    *self,
                                                              PangoContext         *context);
/* Forget everything computed, e.g. after the language changed. */
void                   fw_flywheel_diagram_invalidate        (FwFlywheelDiagram    *self);

/* What is shown, translated; NULL with neither idea nor case. */
const FwFlywheelInput *fw_flywheel_diagram_get_input         (FwFlywheelDiagram    *self);
/* Owned by @self, valid until the next call or change; NULL with neither
 * idea nor case. */
FwFlywheelLayout      *fw_flywheel_diagram_get_layout        (FwFlywheelDiagram    *self,
                                                              double                width,
                                                              double                height);
/* How many layouts were computed: for tests of the cache. */
guint                  fw_flywheel_diagram_get_n_layouts     (FwFlywheelDiagram    *self);

G_END_DECLS

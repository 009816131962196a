/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-flywheel-layout.h"

G_BEGIN_DECLS

/* Shared by the layout and the drawing only. */

typedef struct
{
  PangoLayout        *layout;    /* NULL when hidden */
  cairo_rectangle_t   box;       /* what it occupies, padding included */
  double              text_x;    /* where the text's origin goes */
  double              text_y;
} FwFlywheelText;

typedef struct
{
  FwFlywheelPart     part;
  int                stage;
  cairo_rectangle_t  rect;
} FwFlywheelPartInfo;

struct _FwFlywheelLayout
{
  double          width;
  double          height;
  double          em;
  FwDiagramStyle  style;
  gboolean        is_case;
  FwVerdict       verdict;
  FwStageState    states[FW_N_STAGES];

  FwFlywheelText  title;
  FwFlywheelText  badge;
  FwFlywheelText  hub_text;
  FwFlywheelText  nodes[FW_N_STAGES];
  FwFlywheelText  numbers[FW_N_STAGES];
  FwFlywheelText  labels[FW_N_STAGES];
  /* The states' entries, then the team's range and split (N_LEGEND). */
  FwFlywheelText  legend[FW_N_STAGE_STATES + 2];
  cairo_rectangle_t legend_swatch[FW_N_STAGE_STATES + 2];
  gboolean        ellipsized[FW_N_STAGES];

  double          cx, cy, radius, hub_radius;
  double          node_pad;      /* inside a node, around the number disk */
  double          disk_radius;
  double          arc_from[FW_N_STAGES];  /* angles, clockwise, the line's ends */
  double          arc_to[FW_N_STAGES];
  double          line_width[FW_N_STAGES];
  double          arrow;         /* arrowhead length */
  double          cut_angle[FW_N_STAGES];
  double          cut_radius;    /* the mark on a broken arc */
  double          cut_gap;       /* half the angle left out around it */

  gboolean        has_spread;
  FwStageState    spread_weakest[FW_N_STAGES];
  FwStageState    spread_strongest[FW_N_STAGES];
  gboolean        split[FW_N_STAGES];
  double          rail_offset[FW_N_STAGES];  /* the range's two strokes from the arc's centre */
  double          rail_width;
  double          split_angle[FW_N_STAGES];
  double          split_radius;

  GArray         *parts;         /* FwFlywheelPartInfo */
  guint           unknown_glyphs;
};

#define FW_FLYWHEEL_LEGEND_RANGE (FW_N_STAGE_STATES)
#define FW_FLYWHEEL_LEGEND_SPLIT (FW_N_STAGE_STATES + 1)
#define FW_FLYWHEEL_N_LEGEND     (FW_N_STAGE_STATES + 2)

const FwColor *fw_flywheel_layout_state_color (const FwFlywheelLayout *layout,
                                               FwStageState            state);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "fw-case.h"
#include "fw-diagram-style.h"
#include "fw-enums.h"
#include "fw-idea.h"

G_BEGIN_DECLS

/* Everything the diagram shows, already translated: the layout and the
 * drawing read only this, so they are pure functions of it, the size and the
 * style. Build it from an idea (through the rules) or from a case. */
typedef struct
{
  char          *title;
  char          *badge;                       /* "Winning pattern · score 72", or the task */
  FwVerdict      verdict;
  int            score;
  gboolean       is_case;
  char          *hub;                         /* "Growth" */
  char          *stage_labels[FW_N_STAGES];   /* the nodes */
  char          *questions[FW_N_STAGES];      /* ① Why does the customer experience improve? */
  char          *whys[FW_N_STAGES];           /* as written; "" when none */
  FwStageState   states[FW_N_STAGES];
  char          *state_texts[FW_N_STAGES];    /* "Holds · Estimates and plans" */
  char          *losing_cases[FW_N_STAGES];   /* NULL unless broken */
  char          *break_reasons[FW_N_STAGES];  /* NULL unless broken */
  char          *details[FW_N_STAGES];        /* every reason for the stage, one a line */
  char          *legend[FW_N_STAGE_STATES];
  char          *description;                 /* one line for screen readers */
  /* The team's spread (fw_team_spread_compute()): only when the idea has members'
   * assessments. Per stage the weakest and strongest member state
   * (FW_STAGE_STATE_UNANSWERED when no member answered it) and whether one member
   * sees it broken while another sees it hold. */
  gboolean       has_spread;
  guint          n_members;
  FwStageState   spread_weakest[FW_N_STAGES];
  FwStageState   spread_strongest[FW_N_STAGES];
  gboolean       split[FW_N_STAGES];
  char          *spread_legend[2];            /* the range's and the split's legend entries */
  char          *language;                    /* "ja", "en"…: picks glyphs and line breaks */
} FwFlywheelInput;

FwFlywheelInput *fw_flywheel_input_new            (void);
FwFlywheelInput *fw_flywheel_input_new_for_idea   (FwIdea                *idea);
FwFlywheelInput *fw_flywheel_input_new_for_case   (FwCase                *item);
void             fw_flywheel_input_free           (FwFlywheelInput       *input);

/* Parts of the laid-out diagram, for hit-testing and tests. */
typedef enum
{
  FW_FLYWHEEL_PART_TITLE,
  FW_FLYWHEEL_PART_BADGE,
  FW_FLYWHEEL_PART_HUB,
  FW_FLYWHEEL_PART_NODE,    /* one per stage */
  FW_FLYWHEEL_PART_LABEL,   /* the why of one stage, beside its arc */
  FW_FLYWHEEL_PART_CUT,     /* the mark where a broken stage cuts the loop */
  FW_FLYWHEEL_PART_LEGEND,  /* one per legend entry; the team's two after the states' */
  FW_FLYWHEEL_PART_SPLIT,   /* the mark where the team is split on a stage */
} FwFlywheelPart;

typedef struct _FwFlywheelLayout FwFlywheelLayout;

/* @context: a PangoCairo context; NULL for a default one with metrics
 * unhinted, so the screen, PNG, PDF and SVG break lines alike. */
FwFlywheelLayout *fw_flywheel_layout_new          (const FwFlywheelInput *input,
                                                   double                 width,
                                                   double                 height,
                                                   const FwDiagramStyle  *style,
                                                   PangoContext          *context);
void             fw_flywheel_layout_free          (FwFlywheelLayout      *layout);

double           fw_flywheel_layout_get_width     (const FwFlywheelLayout *layout);
double           fw_flywheel_layout_get_height    (const FwFlywheelLayout *layout);
const FwDiagramStyle *fw_flywheel_layout_get_style (const FwFlywheelLayout *layout);
/* The stage whose node, arc or label is at @x, @y; -1 for none. */
int              fw_flywheel_layout_stage_at      (const FwFlywheelLayout *layout,
                                                   double                 x,
                                                   double                 y);
/* Visible parts only: a label with no room is left out, never squeezed over
 * something else. */
guint            fw_flywheel_layout_get_n_parts   (const FwFlywheelLayout *layout);
void             fw_flywheel_layout_get_part      (const FwFlywheelLayout *layout,
                                                   guint                  index,
                                                   FwFlywheelPart        *part,
                                                   int                   *stage,
                                                   cairo_rectangle_t     *rect);
gboolean         fw_flywheel_layout_get_label_rect (const FwFlywheelLayout *layout,
                                                   FwStage                stage,
                                                   cairo_rectangle_t     *rect);
gboolean         fw_flywheel_layout_stage_is_cut  (const FwFlywheelLayout *layout,
                                                   FwStage                stage);
/* TRUE when the team's range is drawn beside the stage's arc. */
gboolean         fw_flywheel_layout_stage_has_spread (const FwFlywheelLayout *layout,
                                                   FwStage                stage);
/* TRUE when the stage's label had to be shortened with an ellipsis. */
gboolean         fw_flywheel_layout_label_is_ellipsized (const FwFlywheelLayout *layout,
                                                   FwStage                stage);
/* Glyphs no font could show (drawn as boxes): 0 when the fonts cover the text. */
guint            fw_flywheel_layout_count_unknown_glyphs (const FwFlywheelLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwFlywheelInput, fw_flywheel_input_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwFlywheelLayout, fw_flywheel_layout_free)

G_END_DECLS

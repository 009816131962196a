/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"

#include "fw-assessment.h"
#include "fw-flywheel-layout.h"
#include "fw-flywheel-render.h"
#include "fw-fonts.h"
#include "fw-i18n.h"
#include "fw-member-assessment.h"
#include "fw-portfolio.h"
#include "fw-report.h"
#include "fw-team.h"

/* Slides. */

/* Reasons on a slide: at most this many, unless more stages that are not
 * simply "holds" each need theirs (fw_assessment_pick_reasons()). */
#define SLIDE_REASONS 5

typedef struct
{
  FwFlywheelInput  *input;
  guint             rank;
  FwVerdict         verdict;
  int               score;
  int               priority;
  GPtrArray        *reasons;   /* char*: the top reasons */
  /* The spread slide, before the verdict slide of an idea the members assessed:
   * the agreement, a line per member, the split stages and the decision. */
  gboolean          team;
  int               agreement;
  char             *decision;
} Slide;

struct _FwSlides
{
  FwDiagramStyle      style;
  FwPortfolio        *portfolio;
  GArray             *slides;   /* Slide */
  char               *title;
  /* The last layouts, kept while the size stays. */
  FwFlywheelLayout   *flywheel;
  int                 flywheel_index;
  FwPortfolioLayout  *chart;
  double              w, h;
  const char         *messages;   /* the thread's language when made; interned */
};

static void
slide_clear (gpointer data)
{
  Slide *slide = data;

  g_clear_pointer (&slide->input, fw_flywheel_input_free);
  g_clear_pointer (&slide->reasons, g_ptr_array_unref);
  g_clear_pointer (&slide->decision, g_free);
}

static char *
member_line (FwWorkbook         *workbook,
             FwIdea             *idea,
             FwMemberAssessment *a)
{
  FwMember *member = fw_workbook_find_member (workbook, fw_member_assessment_get_member_id (a),
                                              NULL);
  g_autoptr(FwAssessment) assessment = fw_member_assessment_assess (a, idea);
  g_autofree char *name = member ? fw_member_dup_display_name (member)
                                 : g_strdup (fw_member_assessment_get_member_id (a));
  g_autofree char *summary = fw_format_summary (fw_assessment_get_verdict (assessment),
                                                fw_assessment_get_score (assessment), -1);

  /* TRANSLATORS: on the team's slide: a member, then their verdict and score */
  return g_strdup_printf (_("%s: %s"), name, summary);
}

/* The team's slide for @entry's idea, or FALSE when no member assessed it. */
static gboolean
team_slide (FwWorkbook             *workbook,
            const FwPortfolioEntry *entry,
            Slide                  *slide)
{
  GListModel *assessments = fw_idea_get_assessments (entry->idea);
  FwTeamSpread spread;
  g_autoptr(GString) split = g_string_new (NULL);

  if (!fw_team_shown (entry->idea))
    return FALSE;
  fw_team_spread_compute (entry->idea, &spread);
  slide->team = TRUE;
  slide->input = fw_flywheel_input_new_for_idea (entry->idea);
  slide->rank = entry->rank;
  slide->verdict = entry->verdict;
  slide->agreement = spread.agreement;
  slide->decision = fw_portfolio_format_decision (entry->idea);
  slide->reasons = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(FwMemberAssessment) a = g_list_model_get_item (assessments, i);

      g_ptr_array_add (slide->reasons, member_line (workbook, entry->idea, a));
    }
  for (guint s = 0; s < FW_N_STAGES; s++)
    if (spread.split[s])
      g_string_append_printf (split, "%s%s", split->len ? _(", ") : "", fw_stage_label (s));
  if (split->len)
    /* TRANSLATORS: on the team's slide; %s lists stages, e.g. "Customer experience, Data" */
    g_ptr_array_add (slide->reasons, g_strdup_printf (_("Split on: %s"), split->str));
  return TRUE;
}

FwSlides *
fw_slides_new (FwWorkbook           *workbook,
               const FwDiagramStyle *style)
{
  FwSlides *self;
  const char *title;
  guint n;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  self = g_new0 (FwSlides, 1);
  self->style = *style;
  self->messages = fw_i18n_get_thread_language ();
  self->portfolio = fw_portfolio_new (workbook);
  self->slides = g_array_new (FALSE, TRUE, sizeof (Slide));
  g_array_set_clear_func (self->slides, slide_clear);
  self->flywheel_index = -1;
  title = fw_workbook_get_title (workbook);
  self->title = g_strdup (title && *title ? title : _("Flywheel report"));

  n = fw_portfolio_get_n_entries (self->portfolio);
  for (guint i = 0; i < n; i++)
    {
      const FwPortfolioEntry *entry = fw_portfolio_get_entry (self->portfolio, i);
      g_autoptr(FwAssessment) assessment = fw_assessment_new (entry->idea);
      Slide slide = { 0 };
      Slide team = { 0 };

      if (team_slide (workbook, entry, &team))
        g_array_append_val (self->slides, team);
      slide.input = fw_flywheel_input_new_for_idea (entry->idea);
      slide.rank = entry->rank;
      slide.verdict = entry->verdict;
      slide.score = entry->score;
      slide.priority = entry->priority;
      g_autoptr(GPtrArray) picked = fw_assessment_pick_reasons (assessment, SLIDE_REASONS);

      slide.reasons = g_ptr_array_new_with_free_func (g_free);
      for (guint r = 0; r < picked->len; r++)
        g_ptr_array_add (slide.reasons,
                         g_strdup (((const FwReason *) picked->pdata[r])->text));
      g_array_append_val (self->slides, slide);
    }
  return self;
}

void
fw_slides_free (FwSlides *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->flywheel, fw_flywheel_layout_free);
  g_clear_pointer (&self->chart, fw_portfolio_layout_free);
  g_clear_pointer (&self->portfolio, fw_portfolio_free);
  g_clear_pointer (&self->slides, g_array_unref);
  g_free (self->title);
  g_free (self);
}

guint
fw_slides_get_n_slides (FwSlides *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->slides->len + 1;
}

guint
fw_slides_get_rank (FwSlides *self,
                    guint     index,
                    gboolean *team)
{
  const Slide *slide;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < fw_slides_get_n_slides (self), 0);

  if (team)
    *team = FALSE;
  if (index >= self->slides->len)
    return 0;
  slide = &g_array_index (self->slides, Slide, index);
  if (team)
    *team = slide->team;
  return slide->rank;
}

static PangoLayout *
slide_text (cairo_t              *cr,
            const FwDiagramStyle *style,
            const char           *text,
            double                size,
            gboolean              bold,
            double                width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  fw_fonts_set_layout_font (layout, fw_diagram_style_get_family (style, NULL), size, bold);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text at @y and returns the y below it; nothing below @limit. */
static double
slide_paragraph (cairo_t              *cr,
                 const FwDiagramStyle *style,
                 const FwColor        *color,
                 const char           *text,
                 double                size,
                 gboolean              bold,
                 double                x,
                 double                y,
                 double                width,
                 double                limit)
{
  g_autoptr(PangoLayout) layout = slide_text (cr, style, text, size, bold, width);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (y + (double) h / PANGO_SCALE > limit)
    {
      /* Shorten rather than run off the slide: the report has it in full. */
      pango_layout_set_height (layout, (int) ((limit - y) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_size (layout, &w, &h);
      if (y + (double) h / PANGO_SCALE > limit)
        return y;
    }
  fw_color_set_source (color, cr);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return y + (double) h / PANGO_SCALE;
}

void
fw_slides_draw (FwSlides *self,
                cairo_t  *cr,
                guint     index,
                double    width,
                double    height)
{
  g_autoptr(FwI18nScope) scope = NULL;
  const FwDiagramStyle *style;
  double em, pad;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < fw_slides_get_n_slides (self));

  scope = fw_i18n_scope_push (self->messages);
  style = &self->style;
  if (width != self->w || height != self->h)
    {
      g_clear_pointer (&self->flywheel, fw_flywheel_layout_free);
      g_clear_pointer (&self->chart, fw_portfolio_layout_free);
      self->w = width;
      self->h = height;
    }
  em = MAX (12.0, MIN (width, height) / 30.0);
  pad = em * 1.5;

  cairo_save (cr);
  fw_color_set_source (&style->background, cr);
  cairo_paint (cr);

  if (index < self->slides->len)
    {
      const Slide *slide = &g_array_index (self->slides, Slide, index);
      double side = width * 0.36, fw_w = width - side - pad * 2, fw_h = height - pad * 2;
      double x = width - side - pad / 2, y = pad;
      /* TRANSLATORS: on a slide, above the verdict; the diagram shows the title */
      g_autofree char *title = g_strdup_printf (_("Rank %u of %u"), slide->rank,
                                                fw_portfolio_get_n_entries (self->portfolio));
      g_autofree char *score = NULL;
      g_autofree char *priority = NULL;
      g_autofree char *poc = NULL;
      double reason_size;

      if (self->flywheel_index != (int) index || self->flywheel == NULL)
        {
          g_clear_pointer (&self->flywheel, fw_flywheel_layout_free);
          self->flywheel = fw_flywheel_layout_new (slide->input, fw_w, fw_h, style, NULL);
          self->flywheel_index = index;
        }
      cairo_save (cr);
      cairo_translate (cr, pad, pad);
      fw_flywheel_draw (self->flywheel, cr, -1);
      cairo_restore (cr);

      y = slide_paragraph (cr, style, &style->dim, title, em, FALSE, x, y, side,
                           height - pad) + em * 0.3;
      if (slide->team)
        {
          g_autofree char *agreement = NULL;

          y = slide_paragraph (cr, style, &style->foreground, _("Where the team disagrees"),
                               em * 1.4, TRUE, x, y, side, height - pad) + em * 0.2;
          if (slide->agreement >= 0)
            /* TRANSLATORS: on the team's slide, the agreement figure (docs/rules.md) */
            agreement = g_strdup_printf (_("Team agreement %d / 100"), slide->agreement);
          else
            agreement = g_strdup (_("Team agreement: no figure yet"));
          y = slide_paragraph (cr, style,
                               slide->agreement >= 0 &&
                               slide->agreement < FW_PORTFOLIO_LOW_AGREEMENT
                                 ? &style->broken : &style->dim,
                               agreement, em, slide->agreement >= 0 &&
                               slide->agreement < FW_PORTFOLIO_LOW_AGREEMENT,
                               x, y, side, height - pad) + em;
          for (guint r = 0; r < slide->reasons->len; r++)
            {
              g_autofree char *line = g_strdup_printf ("• %s",
                                                       (char *) slide->reasons->pdata[r]);

              y = slide_paragraph (cr, style, &style->foreground, line, em * 0.85, FALSE, x, y,
                                   side, height - pad) + em * 0.4;
            }
          if (slide->decision)
            slide_paragraph (cr, style, &style->foreground, slide->decision, em * 0.95, TRUE,
                             x, y + em * 0.5, side, height - pad);
          cairo_restore (cr);
          return;
        }
      y = slide_paragraph (cr, style, fw_portfolio_verdict_color (style, slide->verdict),
                           fw_verdict_label (slide->verdict), em * 1.6, TRUE, x, y, side,
                           height - pad) + em * 0.2;
      score = g_strdup_printf (_("Flywheel score %d"), slide->score);
      y = slide_paragraph (cr, style, &style->dim, score, em, FALSE, x, y, side, height - pad);
      poc = fw_format_poc_priority (slide->priority);
      /* TRANSLATORS: on a slide, e.g. "PoC priority 7 of 9" or "PoC priority not rated yet" */
      priority = g_strdup_printf (_("PoC priority %s"), poc);
      y = slide_paragraph (cr, style, &style->dim, priority, em, FALSE, x, y, side,
                           height - pad) + em;
      /* More stages to tell about than usual: smaller, so the last still fits. */
      reason_size = slide->reasons->len > SLIDE_REASONS ? em * 0.7 : em * 0.85;
      for (guint r = 0; r < slide->reasons->len; r++)
        {
          g_autofree char *line = g_strdup_printf ("• %s", (char *) slide->reasons->pdata[r]);

          y = slide_paragraph (cr, style, &style->foreground, line, reason_size, FALSE, x, y,
                               side, height - pad) + reason_size * 0.45;
        }
    }
  else
    {
      double y = slide_paragraph (cr, style, &style->foreground, _("Portfolio"), em * 1.4, TRUE,
                                  pad, pad, width - 2 * pad, height) + em * 0.5;

      if (self->chart == NULL)
        self->chart = fw_portfolio_layout_new (self->portfolio, width - 2 * pad,
                                               height - y - pad, style, NULL);
      cairo_translate (cr, pad, y);
      fw_portfolio_draw (self->chart, cr, -1);
    }
  cairo_restore (cr);
}

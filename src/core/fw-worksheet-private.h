/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the worksheet's parts share: the columns and the sheet's own texts, the text
 * helpers and the header search (fw-worksheet.c), the importer
 * (fw-worksheet-import.c) and the exporter (fw-worksheet-export.c). Not for other
 * code. */

#include "fw-worksheet.h"

G_BEGIN_DECLS

/* The columns Flywheel reads, from both the 2023 and the 2022 worksheet. */
typedef enum
{
  F_NO,
  F_PRODUCT,
  F_POC_PRIORITY,      /* 2022: computed by the sheet, never read back */
  /* 理解編: the case */
  F_CASE_NAME,
  F_CASE_SUMMARY,
  F_CASE_LINK,
  F_WHY_CX,
  F_WHY_TRAFFIC,
  F_WHY_DATA,
  F_WHY_MODEL,
  /* 応用編 (2023) and the 2022 columns: the idea */
  F_CUSTOMER,
  F_IMPORTANCE,
  F_IMPORTANCE_REASON,
  F_URGENCY,
  F_URGENCY_REASON,
  F_EVENT_STORMING,
  F_NOTES,
  F_PROBLEM,
  F_BACKGROUND,
  F_SOLUTION,
  F_APPLICABILITY,
  F_USE_CASE,
  F_ML_VALUE,
  F_ML_VALUE_REASON,
  F_CONCERNS,
  F_BLOCKERS,
  /* Flywheel's own columns after the sheet's (docs/worksheet.md): what the sheet
   * has no column for, so that Flywheel's export → import loses nothing. */
  F_FW_TITLE,
  F_FW_AS_A,
  F_FW_I_WANT,
  F_FW_SO_THAT,
  F_FW_INPUT,
  F_FW_OUTPUT,
  F_FW_WHY_CX,
  F_FW_WHY_TRAFFIC,
  F_FW_WHY_DATA,
  F_FW_WHY_MODEL,
  F_FW_IDEA_DATA,      /* the whole idea, as a workbook of one idea (JSON) */
  F_FW_CASE_DATA,      /* the whole case, likewise */
  N_FIELDS
} Field;

#define IS_CASE_FIELD(f) (((f) >= F_CASE_NAME && (f) <= F_WHY_MODEL) || (f) == F_FW_CASE_DATA)
#define IS_IDEA_FIELD(f) ((f) >= F_CUSTOMER && (f) != F_FW_CASE_DATA)
#define IS_2022_FIELD(f) ((f) == F_POC_PRIORITY || ((f) >= F_PROBLEM && (f) <= F_BLOCKERS))
#define IS_FLYWHEEL_FIELD(f) ((f) >= F_FW_TITLE)

/* The idea's texts in Flywheel's readable columns. */
static const struct { Field field; FwIdeaText text; } flywheel_text_fields[] = {
  { F_FW_TITLE, FW_IDEA_TITLE }, { F_FW_AS_A, FW_IDEA_AS_A }, { F_FW_I_WANT, FW_IDEA_I_WANT },
  { F_FW_SO_THAT, FW_IDEA_SO_THAT }, { F_FW_INPUT, FW_IDEA_INPUT_DATA },
  { F_FW_OUTPUT, FW_IDEA_OUTPUT_DATA },
};

/* Heading fragments, matched after normalisation (NFKC, no white space, ASCII
 * lower case), most specific first: "重要度の理由" must win over "重要度". */
static const struct
{
  const char *key;
  Field       field;
} heading_keys[] = {
  /* Flywheel's own columns first: their headings hold words of the others. */
  { "Flywheel: title", F_FW_TITLE },
  { "Flywheel: as a", F_FW_AS_A },
  { "Flywheel: I want", F_FW_I_WANT },
  { "Flywheel: so that", F_FW_SO_THAT },
  { "Flywheel: input data", F_FW_INPUT },
  { "Flywheel: output data", F_FW_OUTPUT },
  { "Flywheel: why ①", F_FW_WHY_CX },
  { "Flywheel: why ②", F_FW_WHY_TRAFFIC },
  { "Flywheel: why ③", F_FW_WHY_DATA },
  { "Flywheel: why ④", F_FW_WHY_MODEL },
  { "Flywheel: idea data", F_FW_IDEA_DATA },
  { "Flywheel: case data", F_FW_CASE_DATA },
  { "重要度の理由", F_IMPORTANCE_REASON },
  { "緊急度の理由", F_URGENCY_REASON },
  { "MLの価値の理由", F_ML_VALUE_REASON },
  { "ターゲットユーザーの課題", F_PROBLEM },
  { "課題の背景", F_BACKGROUND },
  { "解決する手段", F_SOLUTION },
  { "MLの適用可能性", F_APPLICABILITY },
  { "MLのユースケース", F_USE_CASE },
  { "MLの価値", F_ML_VALUE },
  { "懸念事項", F_CONCERNS },
  { "阻害する要因", F_BLOCKERS },
  { "PoC優先度", F_POC_PRIORITY },
  { "ターゲットユーザー", F_CUSTOMER },
  { "顧客の定義", F_CUSTOMER },
  { "重要度", F_IMPORTANCE },
  { "緊急度", F_URGENCY },
  { "事例の名前", F_CASE_NAME },
  { "事例の概要", F_CASE_SUMMARY },
  { "事例のリンク", F_CASE_LINK },
  { "顧客体験が改善", F_WHY_CX },
  { "利用者が増える", F_WHY_TRAFFIC },
  { "データが増える", F_WHY_DATA },
  { "精度が向上", F_WHY_MODEL },
  { "勝ちパターンの成立", F_EVENT_STORMING },
  { "Event Storming", F_EVENT_STORMING },
  { "ボードへのリンク", F_EVENT_STORMING },
  { "備考", F_NOTES },
  { "対象プロダクト", F_PRODUCT },
  { "プロダクト名", F_PRODUCT },
  /* Headings of a sheet translated into English. */
  { "importance reason", F_IMPORTANCE_REASON },
  { "urgency reason", F_URGENCY_REASON },
  { "case name", F_CASE_NAME },
  { "case summary", F_CASE_SUMMARY },
  { "case link", F_CASE_LINK },
  { "customer definition", F_CUSTOMER },
  { "importance", F_IMPORTANCE },
  { "urgency", F_URGENCY },
  { "target product", F_PRODUCT },
};

/* The 2023 sheet's own texts: the layout participants know, so never translated. */
#define SHEET_TITLE "ML Usecase Discovery Worksheet"
#define HEADER_SEARCH_ROWS 1000

typedef struct
{
  int     row;                 /* 0-based index of the column-name row */
  guint   score;               /* fields recognised */
  guint   width;
  int    *field_of_col;        /* -1 for a column Flywheel does not read */
  int     col_of_field[N_FIELDS];
} Header;

char *
ws_first_line (const char *s);

char *
ws_cell_text (const char *s);

/* The idea's decision as the 備考 cell ends with it, or NULL. */
char *
ws_decision_line (FwIdea *idea);

gboolean
ws_parse_level (const char *text,
                FwLevel    *level);

gboolean
ws_parse_applicability (const char      *text,
                        FwApplicability *value);

FwTask
ws_guess_task (const char *text);

char *
ws_derived_id (const char *kind,
               guint       ordinal,
               const char *key);

char *
ws_column_letters (guint col);

void
ws_set_text_input_error (GError       **error,
                         const GError  *text_error);

void
ws_header_clear (Header *h);

gboolean
ws_find_header (GPtrArray *records,
                Header    *best);

char *
ws_case_cell (FwCase *item,
              Field   f);

char *
ws_idea_cell (FwIdea *idea,
              Field   f);

G_END_DECLS

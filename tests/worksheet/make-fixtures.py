#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the hand-made fixture sheets in this folder. Run once by hand; the
tests read the files it wrote, which are committed (see README.md)."""
import csv
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))

SECTIONS = ['No', '対象プロダクト', '理解編: 勝ちパターンのリストアップ', '', '', '', '', '', '',
            '応用編: 自社への応用', '', '', '', '', '', '備考']
HEADINGS = ['', '', '事例の名前', '事例の概要', '事例のリンク先(URLなど)',
            '①なぜ顧客体験が\n改善するか?', '②なぜ利用者が増えるか?', '③なぜデータが増えるか?',
            '④なぜモデルの精度が向上するか?', '①自社の顧客の定義',
            '顧客にとっての\n重要度: (高・中・低)', '重要度の理由',
            '顧客にとっての\n緊急度: (高・中・低)', '緊急度の理由',
            '勝ちパターンの成立(Event StormingのURLを記載)', '']


def pad(row, n=16):
    return row + [''] * (n - len(row))


BASE_2023 = [
    pad(['ワークショップ宿題 (Tabiji)']),
    pad([]),
    pad(['目的: 「勝ちパターン」で解決できるビジネス課題を洗い出し、優先順位をつける']),
    SECTIONS,
    HEADINGS,
    ['0', 'Tabiji', 'Intuit: 控除対象の経費を探す時間を削減',
     '銀行取引を解析し、控除可能な経費を自動的に「分類」。\n"ExpenseFinder" を開発',
     'https://example.com/intuit', '控除が自動で分類できるから。', '数時間が数分になるから。',
     '利用者が増えるほど取引データが増えるから。', '申請結果のセットが手に入るから。',
     '個人事業主, フリーランス', '高', '確定申告の時期に "時間がない" という声', '中',
     '来年度から', 'https://miro.example/board1', '例です'],
    ['1', 'Tabiji', 'Pomelo: 嗜好に合う商品を探す時間の削減', 'パーソナライズしたレコメンド',
     'https://example.com/pomelo', '購入履歴に沿うから。', '口コミで広がるから。',
     '購入データが増えるから。', '推薦が良くなるから。',
     '旅行者', 'High', '旅程作りに時間がかかる', 'M', '繁忙期の前に', '', ''],
    ['2', 'Tabiji', 'Fraud.net: 新たな詐欺の手法を見つける', '種類ごとのモデルで不正を防ぐ',
     '', '', '', '', '',
     '旅行者', 'High', '旅程作りに時間がかかる', 'M', '繁忙期の前に', '', ''],
    pad(['3']),
    pad(['4', '', '', '', '', '', '', '', '', '出張の多い会社員', 'l', '安いから', 'h', '急ぐ',
         '', 'アイデアだけの行']),
    pad(['5', '', 'Uber Eats: 配達時間の予測', '配達時間を「回帰」で予測']),
    pad(['6']),
]


def csv_text(rows, delimiter=',', newline='\n'):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return out.getvalue()


def write(name, data):
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)


# One sheet, five ways spreadsheets save it: all must import to the same workbook.
write('utf8-lf.csv', csv_text(BASE_2023).encode('utf-8'))
write('bom-crlf.csv', b'\xef\xbb\xbf' + csv_text(BASE_2023, newline='\r\n').encode('utf-8'))
write('cp932-crlf.csv', csv_text(BASE_2023, newline='\r\n').encode('cp932'))
write('utf16-tab.txt', b'\xff\xfe' + csv_text(BASE_2023, '\t', '\r\n').encode('utf-16-le'))
write('semicolon.csv', csv_text(BASE_2023, ';').encode('utf-8'))

# One-row header, no title, columns in another order, English marks, tabs.
write('reordered.tsv', csv_text([
    ['重要度', '事例の名前', '①自社の顧客の定義', '緊急度', '備考', '重要度の理由'],
    ['Medium', 'Spotify: Enhance', '音楽好き', 'Low', '', '好きな曲に出会える'],
    ['H', '', '週末だけの利用者', 'L', 'メモ', ''],
], '\t').encode('utf-8'))

# The 2022 layout: three header rows, PoC優先度, 〇/×/△.
R22_TOP = pad(['', '', '', '', '', '', '', '', '', '', 'Workを行う際の参考資料→',
               'Module1: MLの入門を参照', '', 'Module2: MLプロジェクトの計画', '', '',
               'Module3: ML活用組織へのシフト', 'アイデアソンのボードへのリンク', '備考'], 19)
R22_SECTIONS = pad(['No', 'PoC優先度\n(※自動計算)', 'プロダクト名', 'Work1: 課題のリストアップ', '', '',
                    'Work2: 課題の評価', '', '', '', 'Work3: 課題解決シナリオ',
                    'Work4: MLの適用可能性', 'Work5: ユースケースの洗い出し',
                    'Work6: ユースケースの評価', '', '', 'Work7: 組織として取り組む課題の特定'], 19)
R22_HEADINGS = pad(['', '', '', 'プロダクトのターゲットユーザー', 'ターゲットユーザーの課題',
                    '課題の背景\n(As-is/To-be)', 'ユーザーにとっての\n緊急度: (高・中・低)', '緊急度の理由',
                    'ユーザーにとっての\n重要度: (高・中・低)', '重要度の理由',
                    '課題(ボトルネック)を解決する手段。',
                    'MLの適用可能性: (〇・×・△)\n△: 適用可能に見えるが、MLに知見のある人の判断がほしい場合',
                    'MLのユースケース\n(入力データ→ML→出力データ)\n※MLのタスクで語れているか確認',
                    'MLの価値\n (高・中・低)', 'MLの価値の理由',
                    '要件に関する懸念事項\n(ML適用・データ・期間/実用化)', '実現を阻害する要因'], 19)
write('layout-2022.csv', csv_text([
    pad(['ML Usecase Discovery Worksheet'], 19),
    pad([], 19),
    R22_TOP, R22_SECTIONS, R22_HEADINGS,
    pad(['1', '8', 'Tabiji', '家族旅行の幹事', '旅程作りに時間がかかる', '毎回ゼロから調べている',
         '高', '夏休み前', '高', '不満の一位', '過去の旅程から提案する', '〇',
         '閲覧履歴→ML→レコメンドする旅程', '中', 'データがある', '季節で偏る', '予算',
         'https://miro.example/b', ''], 19),
    pad(['2', '', 'Tabiji', '出張者', '領収書の整理', '手入力', 'M', '', 'L', '', 'OCR', '×',
         '', 'L', '', '', '', '', ''], 19),
    pad(['3', '', 'Tabiji', '学生', '安い宿を探す', '', '低', '', '中', '', '', '○',
         '', '', '', '', '', '', 'メモ'], 19),
    pad(['4', '', 'Tabiji', '高齢者', '操作が難しい', '', '', '', '', '', '', '△',
         '音声→ML→操作', '', '', '', '', '', ''], 19),
    pad(['5'], 19),
]).encode('utf-8'))

# Rows Flywheel cannot take in whole: each must be named in the report.
write('skipped-rows.csv', csv_text([
    SECTIONS, HEADINGS,
    pad(['1', 'P', '事例A', '', '', '', '', '', '', '顧客A', '高', '', '低', '', '', '']),
    pad(['2', 'P', '事例B', '', '', '', '', '', '', '顧客B', 'とても高い', '', '', '', '', '']),
    pad(['3'], 16) + ['列に見出しがない'],
    pad(['4', 'P', '事例C', '', '', '', '', '', '', '', '', '', '', '', '', '']) + ['余り'],
]).encode('utf-8'))

# Garbage: each must be refused with a message.
write('no-header.csv', b'name,age,city\nBob,42,Osaka\nAlice,37,Kyoto\n')
write('binary.bin', bytes(range(256)) * 4)
write('unclosed-quote.csv', csv_text([SECTIONS, HEADINGS]).encode('utf-8') +
      '1,P,"閉じていない引用,,,\n2,P,x\n'.encode('utf-8'))
write('latin1.csv', 'No,name,city\n1,café,Zürich\n'.encode('latin-1'))
# UTF-8 but for one Latin-1 byte: read as CP932 it would turn into mojibake.
write('broken-utf8.csv', csv_text([SECTIONS, HEADINGS]).encode('utf-8') +
      '1,P,事例,'.encode('utf-8') + 'café'.encode('latin-1') + b'\n')

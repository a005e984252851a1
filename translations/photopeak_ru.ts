<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Parameters</name>
    <message>
        <source>Method and features</source>
        <translation>Метод и признаки</translation>
    </message>
    <message>
        <source>Synthetic spectra</source>
        <translation>Синтетические спектры</translation>
    </message>
    <message>
        <source>Validation and calibration</source>
        <translation>Проверка и калибровка</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>Логистическая регрессия</translation>
    </message>
    <message>
        <source>RBF SVM</source>
        <translation>SVM с RBF-ядром</translation>
    </message>
    <message>
        <source>Linear SVM</source>
        <translation>Линейный SVM</translation>
    </message>
    <message>
        <source>Random forest</source>
        <translation>Случайный лес</translation>
    </message>
    <message>
        <source>Sigma test (no learning)</source>
        <translation>Сигма-тест (без обучения)</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Обнаружение</translation>
    </message>
    <message>
        <source>How a spectrum is called a source: a calibrated learner, or the sigma test (counts above the mean training background by more than k standard deviations, no learning).</source>
        <translation>Как спектр признаётся источником: откалиброванный классификатор или сигма-тест (счёт выше среднего обучающего фона более чем на k стандартных отклонений, без обучения).</translation>
    </message>
    <message>
        <source>Identify isotopes</source>
        <translation>Идентифицировать изотопы</translation>
    </message>
    <message>
        <source>Train one calibrated one-vs-rest classifier per isotope (off: detection only).</source>
        <translation>Обучить по одному откалиброванному классификатору «один против всех» на изотоп (выкл.: только обнаружение).</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>Идентификация</translation>
    </message>
    <message>
        <source>Learner of the isotope classifiers; an isotope is reported when the spectrum is a source and its probability reaches the threshold.</source>
        <translation>Метод классификаторов изотопов; изотоп сообщается, если спектр — источник и его вероятность достигает порога.</translation>
    </message>
    <message>
        <source>Detection features</source>
        <translation>Признаки обнаружения</translation>
    </message>
    <message>
        <source>Significance over the training background of the mean count rate (AVERAGE) or of slope and level (LINFIT) in 25-keV segments, or of every 1-keV bin.</source>
        <translation>Значимость над обучающим фоном средней скорости счёта (AVERAGE) или наклона и уровня (LINFIT) в сегментах по 25 кэВ либо каждого бина 1 кэВ.</translation>
    </message>
    <message>
        <source>AVERAGE, 25 keV</source>
        <translation>AVERAGE, 25 кэВ</translation>
    </message>
    <message>
        <source>LINFIT, 25 keV</source>
        <translation>LINFIT, 25 кэВ</translation>
    </message>
    <message>
        <source>Full spectrum, 1 keV</source>
        <translation>Весь спектр, 1 кэВ</translation>
    </message>
    <message>
        <source>Identification features</source>
        <translation>Признаки идентификации</translation>
    </message>
    <message>
        <source>Template fit: per isotope, the significance of its net-spectrum templates in a non-negative fit of 5-keV segments; carries over to mixtures never measured.</source>
        <translation>Подгонка шаблонов: для каждого изотопа значимость его шаблонов чистого спектра в неотрицательной подгонке сегментов по 5 кэВ; переносится на неизмеренные смеси.</translation>
    </message>
    <message>
        <source>Template fit, 5 keV</source>
        <translation>Подгонка шаблонов, 5 кэВ</translation>
    </message>
    <message>
        <source>AVERAGE, 5 keV</source>
        <translation>AVERAGE, 5 кэВ</translation>
    </message>
    <message>
        <source>LINFIT, 5 keV</source>
        <translation>LINFIT, 5 кэВ</translation>
    </message>
    <message>
        <source>Feature transform</source>
        <translation>Преобразование признаков</translation>
    </message>
    <message>
        <source>Transform of the feature values before standardisation: sign(x)·log(1+|x|), the old tool&apos;s arctan scaling, or none.</source>
        <translation>Преобразование значений признаков перед стандартизацией: sign(x)·log(1+|x|), арктангенс старой программы или без преобразования.</translation>
    </message>
    <message>
        <source>Signed log</source>
        <translation>Логарифм со знаком</translation>
    </message>
    <message>
        <source>Arctan (old tool)</source>
        <translation>Арктангенс (старая программа)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Standardise features</source>
        <translation>Стандартизировать признаки</translation>
    </message>
    <message>
        <source>Zero mean and unit variance per feature, learned on the training set.</source>
        <translation>Нулевое среднее и единичная дисперсия каждого признака по обучающему набору.</translation>
    </message>
    <message>
        <source>Template shape uncertainty</source>
        <translation>Неопределённость формы шаблонов</translation>
    </message>
    <message>
        <source>Relative shape uncertainty of the isotope templates (template-fit features).</source>
        <translation>Относительная неопределённость формы шаблонов изотопов (признаки подгонки шаблонов).</translation>
    </message>
    <message>
        <source>Line features</source>
        <translation>Признаки линий</translation>
    </message>
    <message>
        <source>Per-isotope features from the strongest library lines: net count rate, or its significance.</source>
        <translation>Признаки по сильнейшим линиям библиотеки для каждого изотопа: чистая скорость счёта или её значимость.</translation>
    </message>
    <message>
        <source>Net count rate</source>
        <translation>Чистая скорость счёта</translation>
    </message>
    <message>
        <source>Significance</source>
        <translation>Значимость</translation>
    </message>
    <message>
        <source>Lines per isotope</source>
        <translation>Линий на изотоп</translation>
    </message>
    <message>
        <source>Strongest library gamma lines per isotope for the line features.</source>
        <translation>Число сильнейших гамма-линий библиотеки на изотоп для признаков линий.</translation>
    </message>
    <message>
        <source>Weak sources and backgrounds</source>
        <translation>Слабые источники и фоны</translation>
    </message>
    <message>
        <source>Add seeded synthetic spectra made from the measured ones by Poisson thinning; without them the learners never see weak, distant sources.</source>
        <translation>Добавить воспроизводимые синтетические спектры, полученные из измеренных пуассоновским прореживанием; без них модели не видят слабых удалённых источников.</translation>
    </message>
    <message>
        <source>Mixtures of 2 or 3 isotopes</source>
        <translation>Смеси 2 или 3 изотопов</translation>
    </message>
    <message>
        <source>Add synthetic mixtures of measured isotopes, so that combinations never measured can be identified.</source>
        <translation>Добавить синтетические смеси измеренных изотопов, чтобы распознавать неизмеренные комбинации.</translation>
    </message>
    <message>
        <source>Weak single sources</source>
        <translation>Слабые одиночные источники</translation>
    </message>
    <message>
        <source>Synthetic spectra of one isotope at reduced strength.</source>
        <translation>Синтетические спектры одного изотопа пониженной интенсивности.</translation>
    </message>
    <message>
        <source>Mixtures</source>
        <translation>Смеси</translation>
    </message>
    <message>
        <source>Synthetic spectra of two or three isotopes.</source>
        <translation>Синтетические спектры двух или трёх изотопов.</translation>
    </message>
    <message>
        <source>Backgrounds</source>
        <translation>Фоны</translation>
    </message>
    <message>
        <source>Synthetic backgrounds at other live times and levels.</source>
        <translation>Синтетические фоны с другими живыми временами и уровнями.</translation>
    </message>
    <message>
        <source>Weakest source</source>
        <translation>Самый слабый источник</translation>
    </message>
    <message>
        <source>Weakest synthetic source relative to the measured one.</source>
        <translation>Самый слабый синтетический источник относительно измеренного.</translation>
    </message>
    <message>
        <source>Weakest source for identification</source>
        <translation>Самый слабый источник для идентификации</translation>
    </message>
    <message>
        <source>Weakest synthetic source the identifiers train on, relative to the measured one (0: as for detection).</source>
        <translation>Самый слабый синтетический источник для обучения идентификации относительно измеренного (0: как для обнаружения).</translation>
    </message>
    <message>
        <source>Mixture background</source>
        <translation>Фон смесей</translation>
    </message>
    <message>
        <source>Background that strong mixture components bring: counted in the live time, subtracted, or kept.</source>
        <translation>Фон, который приносят сильные компоненты смеси: учитывается в живом времени, вычитается или сохраняется.</translation>
    </message>
    <message>
        <source>In the live time</source>
        <translation>В живом времени</translation>
    </message>
    <message>
        <source>Subtracted</source>
        <translation>Вычитается</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Сохраняется</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Начальное число</translation>
    </message>
    <message>
        <source>Seed of the synthetic spectra and of the folds: the same seed and data give the same model.</source>
        <translation>Начальное число синтетических спектров и разбиения на блоки: те же число и данные дают ту же модель.</translation>
    </message>
    <message>
        <source>Cross-validation folds</source>
        <translation>Блоков кросс-валидации</translation>
    </message>
    <message>
        <source>Grouped k-fold cross-validation: spectra of one acquisition series stay in one fold.</source>
        <translation>Групповая k-блочная кросс-валидация: спектры одной серии измерений остаются в одном блоке.</translation>
    </message>
    <message>
        <source>Search hyper-parameters</source>
        <translation>Подбирать гиперпараметры</translation>
    </message>
    <message>
        <source>Choose C, gamma or lambda by the out-of-fold log-loss (off: the learner&apos;s defaults).</source>
        <translation>Выбирать C, gamma или lambda по log-loss вне блока (выкл.: значения по умолчанию).</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Калибровка</translation>
    </message>
    <message>
        <source>How scores become probabilities, fitted on the held-out folds&apos; scores.</source>
        <translation>Как оценки превращаются в вероятности; подгоняется на оценках отложенных блоков.</translation>
    </message>
    <message>
        <source>Platt scaling</source>
        <translation>Масштабирование Платта</translation>
    </message>
    <message>
        <source>Isotonic</source>
        <translation>Изотоническая</translation>
    </message>
    <message>
        <source>Target false alarms</source>
        <translation>Целевая доля ложных тревог</translation>
    </message>
    <message>
        <source>Detection operating point: the threshold that calls this share of held-out backgrounds a source (0: probability 0.5).</source>
        <translation>Рабочая точка обнаружения: порог, при котором эта доля отложенных фонов признаётся источником (0: вероятность 0,5).</translation>
    </message>
    <message>
        <source>Decision threshold</source>
        <translation>Порог решения</translation>
    </message>
    <message>
        <source>Calibrated probability at which an isotope is reported.</source>
        <translation>Откалиброванная вероятность, с которой изотоп сообщается.</translation>
    </message>
    <message>
        <source>Sigma test k</source>
        <translation>k сигма-теста</translation>
    </message>
    <message>
        <source>Sigma test: a source when the count rate exceeds the reference background by more than k combined standard deviations.</source>
        <translation>Сигма-тест: источник, если скорость счёта превышает опорный фон более чем на k суммарных стандартных отклонений.</translation>
    </message>
    <message>
        <source>Sigma test windows</source>
        <translation>Окна сигма-теста</translation>
    </message>
    <message>
        <source>Energy windows of the sigma test, LOW:HIGH keV, comma-separated (empty: the whole grid).</source>
        <translation>Энергетические окна сигма-теста, НИЗ:ВЕРХ кэВ через запятую (пусто: вся сетка).</translation>
    </message>
    <message>
        <source>Fit of each spectrum</source>
        <translation>Аппроксимация каждого спектра</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Правило</translation>
    </message>
    <message>
        <source>Two stages: a source when the isotopes significant at z together hold more than the share threshold of the scores, then every significant isotope; significance: every component above z standard errors; share: every component above the share threshold (the old method).</source>
        <translation>Два этапа: источник, когда значимые на уровне z изотопы вместе имеют больше порога доли оценок, затем каждый значимый изотоп; значимость: каждая компонента выше z стандартных ошибок; доля: каждая компонента выше порога доли (старый метод).</translation>
    </message>
    <message>
        <source>Two stages: source alarm, then which</source>
        <translation>Два этапа: тревога источника, затем какой</translation>
    </message>
    <message>
        <source>Significance of each component</source>
        <translation>Значимость каждой компоненты</translation>
    </message>
    <message>
        <source>Share above the threshold (old method)</source>
        <translation>Доля выше порога (старый метод)</translation>
    </message>
    <message>
        <source>Poisson weighting</source>
        <translation>Пуассоновские веса</translation>
    </message>
    <message>
        <source>Re-weighted fit: each channel weighted by 1/max(model counts, 1), its Poisson variance, then weighted non-negative least squares.</source>
        <translation>Перевзвешенная аппроксимация: каждый канал взвешивается на 1/max(отсчёты модели, 1), его пуассоновскую дисперсию, затем взвешенный неотрицательный метод наименьших квадратов.</translation>
    </message>
    <message>
        <source>Re-weighted steps</source>
        <translation>Шаги перевзвешивания</translation>
    </message>
    <message>
        <source>Re-weighted steps towards the Poisson fit (1: the first round&apos;s weights).</source>
        <translation>Шаги перевзвешивания к пуассоновской аппроксимации (1: веса первого прохода).</translation>
    </message>
    <message>
        <source>Gain adjustment</source>
        <translation>Подстройка усиления</translation>
    </message>
    <message>
        <source>Per-spectrum energy-scale factor within the gain range, chosen by the best fit (lowest deviance).</source>
        <translation>Множитель энергетической шкалы для каждого спектра в пределах диапазона усиления, выбранный по лучшей аппроксимации (наименьший девианс).</translation>
    </message>
    <message>
        <source>Gain range</source>
        <translation>Диапазон усиления</translation>
    </message>
    <message>
        <source>Gain factors from 1 - range to 1 + range are tried.</source>
        <translation>Перебираются множители усиления от 1 - диапазон до 1 + диапазон.</translation>
    </message>
    <message>
        <source>Gain step</source>
        <translation>Шаг усиления</translation>
    </message>
    <message>
        <source>Coarse step of the gain factors; the best one is refined with a quarter of it.</source>
        <translation>Грубый шаг множителей усиления; лучший уточняется с четвертью шага.</translation>
    </message>
    <message>
        <source>Resolution adjustment</source>
        <translation>Подстройка разрешения</translation>
    </message>
    <message>
        <source>Per-spectrum Gaussian broadening of the isotope loadings, chosen by the best deviance per degree of freedom.</source>
        <translation>Гауссово уширение нагрузок изотопов для каждого спектра, выбранное по лучшему девиансу на степень свободы.</translation>
    </message>
    <message>
        <source>Largest broadening</source>
        <translation>Наибольшее уширение</translation>
    </message>
    <message>
        <source>Largest extra sigma at 661.657 keV of the resolution adjustment.</source>
        <translation>Наибольшая дополнительная сигма при 661,657 кэВ для подстройки разрешения.</translation>
    </message>
    <message>
        <source>Broadening step</source>
        <translation>Шаг уширения</translation>
    </message>
    <message>
        <source>Step of the extra sigma of the resolution adjustment.</source>
        <translation>Шаг дополнительной сигмы подстройки разрешения.</translation>
    </message>
    <message>
        <source>Resolution match</source>
        <translation>Согласование разрешения</translation>
    </message>
    <message>
        <source>Training: the isotope loadings are broadened once to the line widths of the measured background (fitted on the training loadings&apos; known lines).</source>
        <translation>Обучение: нагрузки изотопов один раз уширяются до ширин линий измеренного фона (подгонка по известным линиям обучающих нагрузок).</translation>
    </message>
    <message>
        <source>Align templates</source>
        <translation>Выравнивание шаблонов</translation>
    </message>
    <message>
        <source>Training: the isotope loadings are moved by their line offset relative to the background&apos;s lines.</source>
        <translation>Обучение: нагрузки изотопов сдвигаются на смещение их линий относительно линий фона.</translation>
    </message>
    <message>
        <source>Quasi-Poisson standard errors</source>
        <translation>Квазипуассоновские стандартные ошибки</translation>
    </message>
    <message>
        <source>Standard errors grow by sqrt(deviance per degree of freedom) when the fit is worse than Poisson noise: template mismatch in strong spectra is not taken for extra isotopes.</source>
        <translation>Стандартные ошибки растут в sqrt(девианс на степень свободы) раз, если подгонка хуже пуассоновского шума: несовпадение шаблонов в сильных спектрах не принимается за лишние изотопы.</translation>
    </message>
    <message>
        <source>Significance z</source>
        <translation>Значимость z</translation>
    </message>
    <message>
        <source>z of the statistical threshold (5: the conventional discovery level).</source>
        <translation>z статистического порога (5: общепринятый уровень открытия).</translation>
    </message>
    <message>
        <source>Share threshold</source>
        <translation>Порог доли</translation>
    </message>
    <message>
        <source>Share of the scores above which a component is present (share rule) or a source alarm is raised (two stages).</source>
        <translation>Доля оценок, выше которой компонента присутствует (правило доли) или поднимается тревога источника (два этапа).</translation>
    </message>
    <message>
        <source>Minimum isotope share</source>
        <translation>Минимальная доля изотопа</translation>
    </message>
    <message>
        <source>Significance rule: an isotope must also hold more than this share of the scores (0: off).</source>
        <translation>Правило значимости: изотоп должен также иметь больше этой доли оценок (0: выключено).</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1: нет такого файла или папки</translation>
    </message>
    <message>
        <source>Classifying</source>
        <translation>Классификация</translation>
    </message>
    <message>
        <source>Spectra</source>
        <translation>Спектры</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Gamma-ray spectrum workstation</source>
        <translation>Рабочая станция гамма-спектрометрии</translation>
    </message>
    <message>
        <source>Spectrum files or folders to open.</source>
        <translation>Открываемые файлы спектров или папки.</translation>
    </message>
    <message>
        <source>After the data is loaded and the first spectrum plotted, save the window as PNG to &lt;file&gt; and quit.</source>
        <translation>После загрузки данных и построения первого спектра сохранить окно в PNG-файл &lt;file&gt; и выйти.</translation>
    </message>
    <message>
        <source>Print the time from start to the first plot.</source>
        <translation>Вывести время от запуска до первого графика.</translation>
    </message>
    <message>
        <source>Load a classifier or latent model file at start (repeat for both).</source>
        <translation>Загрузить при запуске файл классификатора или латентной модели (для обоих — повторить).</translation>
    </message>
    <message>
        <source>Classify every opened spectrum once loaded.</source>
        <translation>Классифицировать все открытые спектры после загрузки.</translation>
    </message>
    <message>
        <source>Show this view tab (number from 0) before a screenshot.</source>
        <translation>Перед снимком экрана показать эту вкладку (номер с 0).</translation>
    </message>
    <message>
        <source>User interface language for this run: system, en, ru or de (default: the language chosen in Preferences).</source>
        <translation>Язык интерфейса для этого запуска: system, en, ru или de (по умолчанию — язык, выбранный в настройках).</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;: use system, en, ru or de.</source>
        <translation>Неизвестный язык «%1»: укажите system, en, ru или de.</translation>
    </message>
    <message>
        <source>Efficiency curve file for activities, or &apos;xgd&apos; for the shipped XGD curve.</source>
        <translation>Файл кривой эффективности для расчёта активности или &apos;xgd&apos; для встроенной кривой XGD.</translation>
    </message>
</context>
<context>
    <name>photopeak::HitAnalysisPanel</name>
    <message>
        <source>Mark artefacts</source>
        <translation>Отметить артефакты</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Кластеризовать</translation>
    </message>
    <message>
        <source>Train and cross-validate</source>
        <translation>Обучить и проверить перекрёстно</translation>
    </message>
    <message>
        <source>k-means</source>
        <translation>k-средних</translation>
    </message>
    <message>
        <source>Gaussian mixture</source>
        <translation>Гауссова смесь</translation>
    </message>
    <message>
        <source>published rule (solidity &gt; 0.7, ellipticity &gt; 0.6)</source>
        <translation>опубликованное правило (плотность &gt; 0,7, эллиптичность &gt; 0,6)</translation>
    </message>
    <message>
        <source>SVM on features (calibrated)</source>
        <translation>SVM на признаках (откалиброванная)</translation>
    </message>
    <message>
        <source>CNN on crops (augmented)</source>
        <translation>CNN на вырезках (с аугментацией)</translation>
    </message>
    <message>
        <source>Artefacts</source>
        <translation>Артефакты</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Кластеры</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Метод:</translation>
    </message>
    <message>
        <source>Largest k:</source>
        <translation>Наибольшее k:</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>AIC, BIC</source>
        <translation>AIC, BIC</translation>
    </message>
    <message>
        <source>within-cluster SS</source>
        <translation>внутрикластерная SS</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Классификация</translation>
    </message>
    <message>
        <source>Grouped folds:</source>
        <translation>Групповые блоки:</translation>
    </message>
    <message>
        <source>CNN epochs:</source>
        <translation>Эпохи CNN:</translation>
    </message>
    <message>
        <source>Out-of-fold confusion matrix and scores appear here.</source>
        <translation>Здесь появятся матрица ошибок и оценки вне блоков.</translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation>%1 %2 из %3</translation>
    </message>
    <message>
        <source>%1 of %2 hits clean (marked hits are kept, with a red dot).
%3</source>
        <translation>Чистых срабатываний: %1 из %2 (отмеченные оставлены, с красной точкой).
%3</translation>
    </message>
    <message>
        <source>%1 clusters (smallest BIC) on %2</source>
        <translation>%1 кластеров (наименьший BIC) по %2</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>AIC</source>
        <translation>AIC</translation>
    </message>
    <message>
        <source>within-SS (elbow)</source>
        <translation>внутренняя SS (локоть)</translation>
    </message>
    <message>
        <source>Cross-validation needs at least two classes with %1 or more labelled hits each.</source>
        <translation>Для перекрёстной проверки нужны хотя бы два класса, в каждом не меньше %1 размеченных срабатываний.</translation>
    </message>
    <message>
        <source>Cross-validating %1 on %2 labelled hits…</source>
        <translation>Перекрёстная проверка %1 на %2 размеченных срабатываниях…</translation>
    </message>
    <message>
        <source> (left out, fewer than %1 hits: %2)</source>
        <translation> (исключены, меньше %1 срабатываний: %2)</translation>
    </message>
    <message>
        <source>%1, %2 grouped folds, out-of-fold:
</source>
        <translation>%1, %2 групповых блоков, вне блоков:
</translation>
    </message>
    <message>
        <source>accuracy %1 %, macro F1 %2, Brier %3
</source>
        <translation>точность %1 %, макро-F1 %2, Брайер %3
</translation>
    </message>
    <message>
        <source>F1 %1: %2
</source>
        <translation>F1 %1: %2
</translation>
    </message>
    <message>
        <source>
%1 misclassified (dashed frames; Show: misclassified)</source>
        <translation>
%1 ошибочно классифицированы (пунктирные рамки; Показать: ошибочные)</translation>
    </message>
    <message>
        <source>%1: accuracy %2 %</source>
        <translation>%1: точность %2 %</translation>
    </message>
    <message>
        <source>. The BIC still falls at the largest k tried: raise &quot;Largest k&quot; to find its minimum.</source>
        <translation>. BIC всё ещё убывает при наибольшем испробованном k: увеличьте «Наибольшее k», чтобы найти его минимум.</translation>
    </message>
    <message>
        <source>%1, out-of-fold (%2 hits)</source>
        <translation>%1, вне фолда (%2 событий)</translation>
    </message>
    <message>
        <source>accuracy %1 %, macro F1 %2</source>
        <translation>точность %1 %, макро-F1 %2</translation>
    </message>
</context>
<context>
    <name>photopeak::HitListModel</name>
    <message>
        <source>label: %1</source>
        <translation>метка: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>classified: %1 (p = %2)</source>
        <translation>классифицировано: %1 (p = %2)</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>кластер %1</translation>
    </message>
    <message>
        <source>marked: %1</source>
        <translation>отмечено: %1</translation>
    </message>
</context>
<context>
    <name>photopeak::HitScatterPlot</name>
    <message>
        <source>x:</source>
        <translation>x:</translation>
    </message>
    <message>
        <source>y:</source>
        <translation>y:</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>без метки</translation>
    </message>
</context>
<context>
    <name>photopeak::HitsWidget</name>
    <message>
        <source>Click labels hits as</source>
        <translation>Щелчок помечает срабатывания как</translation>
    </message>
    <message>
        <source>Save labels</source>
        <translation>Сохранить метки</translation>
    </message>
    <message>
        <source>Export sheet PNG…</source>
        <translation>Экспорт листа PNG…</translation>
    </message>
    <message>
        <source>The hits shown (e.g. one cluster), up to 200, as a PNG contact sheet</source>
        <translation>Показанные срабатывания (например, один кластер), до 200, в виде контактного листа PNG</translation>
    </message>
    <message>
        <source>Export Sheet</source>
        <translation>Экспорт листа</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>(no feature range)</source>
        <translation>(нет диапазона признака)</translation>
    </message>
    <message>
        <source>Hide marked</source>
        <translation>Скрыть отмеченные</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>all hits</source>
        <translation>все срабатывания</translation>
    </message>
    <message>
        <source>labelled %1</source>
        <translation>размечено %1</translation>
    </message>
    <message>
        <source>classified %1</source>
        <translation>классифицировано %1</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>без метки</translation>
    </message>
    <message>
        <source>misclassified</source>
        <translation>ошибочно классифицированные</translation>
    </message>
    <message>
        <source>any cluster</source>
        <translation>любой кластер</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>кластер %1</translation>
    </message>
    <message>
        <source>%1 of %2 hits shown</source>
        <translation>Показано срабатываний: %1 из %2</translation>
    </message>
    <message>
        <source>%1 labelled %2 (not saved yet: Save labels)</source>
        <translation>%1 размечено как %2 (не сохранено: Сохранить метки)</translation>
    </message>
    <message>
        <source>Labels saved to %1</source>
        <translation>Метки сохранены в %1</translation>
    </message>
    <message>
        <source>Sheet of %1 hits written to %2</source>
        <translation>Лист из %1 срабатываний записан в %2</translation>
    </message>
    <message>
        <source>Reading %1 and computing features…</source>
        <translation>Чтение %1 и вычисление признаков…</translation>
    </message>
    <message>
        <source>%1 hits from %2</source>
        <translation>%1 срабатываний из %2</translation>
    </message>
    <message>
        <source>; %1 files skipped (first: %2)</source>
        <translation>; пропущено файлов: %1 (первый: %2)</translation>
    </message>
    <message>
        <source>; %1 labels from %2</source>
        <translation>; %1 меток из %2</translation>
    </message>
    <message>
        <source>Open Hit Collection (folder of crops)</source>
        <translation>Открыть коллекцию срабатываний (папка вырезок)</translation>
    </message>
    <message>
        <source>Hits: %1</source>
        <translation>Срабатывания: %1</translation>
    </message>
    <message>
        <source>Open CREDO Detection Export</source>
        <translation>Открыть экспорт детекций CREDO</translation>
    </message>
    <message>
        <source>CREDO detection exports (*.json);;All files (*)</source>
        <translation>Экспорт детекций CREDO (*.json);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::AboutDialog</name>
    <message>
        <source>&lt;h4&gt;Data&lt;/h4&gt;&lt;p&gt;&lt;b&gt;XGD spectra&lt;/b&gt; (Xenon Gamma-Detector, NRNU MEPhI): MIT licence, © 2023 Ivan Davydov (XGD-MLC repository).&lt;/p&gt;&lt;p&gt;&lt;b&gt;GAMMA_FLOW spectra&lt;/b&gt;: Datenlizenz Deutschland – Namensnennung – Version 2.0 (&lt;a href=&apos;https://www.govdata.de/dl-de/by-2-0&apos;&gt;dl-de/by-2-0&lt;/a&gt;), provider: Bundesamt für Strahlenschutz (BfS); converted to HDF5, values unchanged.&lt;/p&gt;&lt;h4&gt;Libraries&lt;/h4&gt;&lt;p&gt;Qt %1 (LGPL-3.0), QCustomPlot by Emanuel Eichhammer (GPL-3.0), Eigen (MPL-2.0), dlib (Boost Software Licence), HDF5 (BSD-style).&lt;/p&gt;</source>
        <translation>&lt;h4&gt;Данные&lt;/h4&gt;&lt;p&gt;&lt;b&gt;Спектры XGD&lt;/b&gt; (ксеноновый гамма-детектор, НИЯУ МИФИ): лицензия MIT, © 2023 Ivan Davydov (репозиторий XGD-MLC).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Спектры GAMMA_FLOW&lt;/b&gt;: Datenlizenz Deutschland – Namensnennung – Version 2.0 (&lt;a href=&apos;https://www.govdata.de/dl-de/by-2-0&apos;&gt;dl-de/by-2-0&lt;/a&gt;), поставщик: Bundesamt für Strahlenschutz (BfS); преобразованы в HDF5, значения не изменены.&lt;/p&gt;&lt;h4&gt;Библиотеки&lt;/h4&gt;&lt;p&gt;Qt %1 (LGPL-3.0), QCustomPlot, автор Emanuel Eichhammer (GPL-3.0), Eigen (MPL-2.0), dlib (Boost Software Licence), HDF5 (лицензия типа BSD).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Photopeak</source>
        <translation>О программе Photopeak</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Photopeak %1&lt;/h2&gt;&lt;p&gt;Gamma-ray spectrum workstation: browse labelled spectra, plot, find peaks, classify.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Photopeak %1&lt;/h2&gt;&lt;p&gt;Рабочая станция гамма-спектрометрии: просмотр размеченных спектров, графики, поиск пиков, классификация.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::AlarmBanner</name>
    <message>
        <source>Not watching.</source>
        <translation>Наблюдение не ведётся.</translation>
    </message>
    <message>
        <source>, measured %1</source>
        <translation>, измерено %1</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:15pt; font-weight:600&apos;&gt;ALARM: %1&lt;/span&gt;&lt;br&gt;since %2 — spectrum #%3 (%4%5)&lt;br&gt;%6</source>
        <translation>&lt;span style=&apos;font-size:15pt; font-weight:600&apos;&gt;ТРЕВОГА: %1&lt;/span&gt;&lt;br&gt;с %2 — спектр №%3 (%4%5)&lt;br&gt;%6</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::AnalysisSession</name>
    <message>
        <source>no model</source>
        <translation>нет модели</translation>
    </message>
    <message>
        <source>Open spectra first: there is nothing to classify.</source>
        <translation>Сначала откройте спектры: классифицировать нечего.</translation>
    </message>
    <message>
        <source>Train or load a model first (Training panel).</source>
        <translation>Сначала обучите или загрузите модель (панель «Обучение»).</translation>
    </message>
    <message>
        <source>; session background %1</source>
        <translation>; фон сеанса %1</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::AnnotationActions</name>
    <message>
        <source>Identified &amp;Isotopes</source>
        <translation>&amp;Идентифицированные изотопы</translation>
    </message>
    <message>
        <source>Shade the lines of each identified isotope with opacity = probability</source>
        <translation>Закрасить линии каждого идентифицированного изотопа с непрозрачностью, равной вероятности</translation>
    </message>
    <message>
        <source>Header Bo&amp;x</source>
        <translation>&amp;Рамка сведений</translation>
    </message>
    <message>
        <source>Channels, times, distance, calibration and start of the spectrum</source>
        <translation>Каналы, времена, расстояние, калибровка и начало измерения спектра</translation>
    </message>
    <message>
        <source>Fitted &amp;Peaks</source>
        <translation>&amp;Аппроксимированные пики</translation>
    </message>
    <message>
        <source>Search and fit the peaks of the front spectrum</source>
        <translation>Найти и аппроксимировать пики переднего спектра</translation>
    </message>
    <message>
        <source>&amp;Nuclide Lines</source>
        <translation>Ли&amp;нии нуклидов</translation>
    </message>
    <message>
        <source>Library lines of the identified isotopes</source>
        <translation>Библиотечные линии идентифицированных изотопов</translation>
    </message>
    <message>
        <source>Use Current Spectrum as &amp;Background</source>
        <translation>&amp;Текущий спектр как фон</translation>
    </message>
    <message>
        <source>&amp;Clear Background Overlay</source>
        <translation>&amp;Убрать наложение фона</translation>
    </message>
    <message>
        <source>Overlay this spectrum, scaled by live time, behind every spectrum shown</source>
        <translation>Наложить этот спектр, приведённый по живому времени, под каждым показанным спектром</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::BenchController</name>
    <message>
        <source>Peaks</source>
        <translation>Пики</translation>
    </message>
    <message>
        <source>ROIs</source>
        <translation>Области интереса</translation>
    </message>
    <message>
        <source>Reference Nuclides</source>
        <translation>Опорные нуклиды</translation>
    </message>
    <message>
        <source>%1 keV</source>
        <translation>%1 кэВ</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>канал %1</translation>
    </message>
    <message>
        <source>Peaks (fitting…)</source>
        <translation>Пики (подгонка…)</translation>
    </message>
    <message>
        <source>Peaks (%1)</source>
        <translation>Пики (%1)</translation>
    </message>
    <message>
        <source>ROIs (%1)</source>
        <translation>Области интереса (%1)</translation>
    </message>
    <message>
        <source>No peak fitted at %1: %2</source>
        <translation>Пик при %1 не подогнан: %2</translation>
    </message>
    <message>
        <source>Fit peak at %1</source>
        <translation>Подгонка пика при %1</translation>
    </message>
    <message>
        <source>Peak at %1: net area %2 ± %3</source>
        <translation>Пик при %1: чистая площадь %2 ± %3</translation>
    </message>
    <message>
        <source>No peaks fitted in %1 – %2: %3</source>
        <translation>В диапазоне %1 – %2 пики не подогнаны: %3</translation>
    </message>
    <message numerus="yes">
        <source>Fit %n peak(s) in %1 – %2</source>
        <translation>
            <numerusform>Подгонка %n пика в %1 – %2</numerusform>
            <numerusform>Подгонка %n пиков в %1 – %2</numerusform>
            <numerusform>Подгонка %n пиков в %1 – %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No peak between %1 and %2</source>
        <translation>Нет пиков между %1 и %2</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n peak(s)</source>
        <translation>
            <numerusform>Удаление %n пика</numerusform>
            <numerusform>Удаление %n пиков</numerusform>
            <numerusform>Удаление %n пиков</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove peak at %1</source>
        <translation>Удаление пика при %1</translation>
    </message>
    <message>
        <source>Restore automatic peaks</source>
        <translation>Возврат автоматических пиков</translation>
    </message>
    <message>
        <source>Add ROI %1 – %2</source>
        <translation>Добавление ОИ %1 – %2</translation>
    </message>
    <message>
        <source>Remove ROI</source>
        <translation>Удаление ОИ</translation>
    </message>
    <message>
        <source>%1 %2 keV</source>
        <translation>%1 %2 кэВ</translation>
    </message>
    <message>
        <source>Assign %1</source>
        <translation>Назначение %1</translation>
    </message>
    <message>
        <source>Clear line assignment</source>
        <translation>Снятие назначения линии</translation>
    </message>
    <message numerus="yes">
        <source>Energy calibration of %n spectra</source>
        <translation>
            <numerusform>Калибровка по энергии %n спектра</numerusform>
            <numerusform>Калибровка по энергии %n спектров</numerusform>
            <numerusform>Калибровка по энергии %n спектров</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore the file&apos;s calibration of %n spectra</source>
        <translation>
            <numerusform>Возврат калибровки файла для %n спектра</numerusform>
            <numerusform>Возврат калибровки файла для %n спектров</numerusform>
            <numerusform>Возврат калибровки файла для %n спектров</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a spectrum with fitted peaks first.</source>
        <translation>Сначала выберите спектр с подогнанными пиками.</translation>
    </message>
    <message>
        <source>&amp;Peaks</source>
        <translation>Пи&amp;ки</translation>
    </message>
    <message>
        <source>&amp;Calibrate Energy…</source>
        <translation>&amp;Калибровка по энергии…</translation>
    </message>
    <message>
        <source>Restore the File&apos;s Ca&amp;libration</source>
        <translation>Вернуть калибровку &amp;файла</translation>
    </message>
    <message>
        <source>The selected spectra use their files&apos; calibrations.</source>
        <translation>Выбранные спектры используют калибровки своих файлов.</translation>
    </message>
    <message>
        <source>&amp;Export Calibration…</source>
        <translation>&amp;Экспорт калибровки…</translation>
    </message>
    <message>
        <source>&amp;Restore Automatic Peaks</source>
        <translation>Вернуть &amp;автоматические пики</translation>
    </message>
    <message>
        <source>The peak list is the automatic fit already.</source>
        <translation>Список пиков уже совпадает с автоматической подгонкой.</translation>
    </message>
    <message>
        <source>E&amp;xport Peak Table…</source>
        <translation>Экспорт &amp;таблицы пиков…</translation>
    </message>
    <message>
        <source>Remove &amp;All ROIs</source>
        <translation>Удалить &amp;все ОИ</translation>
    </message>
    <message>
        <source>Remove all ROIs</source>
        <translation>Удаление всех ОИ</translation>
    </message>
    <message>
        <source>Peak &amp;Table</source>
        <translation>Та&amp;блица пиков</translation>
    </message>
    <message>
        <source>R&amp;OI List</source>
        <translation>&amp;Список ОИ</translation>
    </message>
    <message>
        <source>Reference &amp;Nuclides</source>
        <translation>&amp;Опорные нуклиды</translation>
    </message>
    <message>
        <source>&amp;Fit Peak Here</source>
        <translation>&amp;Подогнать пик здесь</translation>
    </message>
    <message>
        <source>&amp;Assign Line to Peak at %1</source>
        <translation>&amp;Назначить линию пику при %1</translation>
    </message>
    <message>
        <source>%1 %2 keV (%3 %)</source>
        <translation>%1 %2 кэВ (%3 %)</translation>
    </message>
    <message>
        <source>&amp;Other Energy…</source>
        <translation>&amp;Другая энергия…</translation>
    </message>
    <message>
        <source>Assign Energy</source>
        <translation>Назначить энергию</translation>
    </message>
    <message>
        <source>Line energy (keV):</source>
        <translation>Энергия линии (кэВ):</translation>
    </message>
    <message>
        <source>&amp;Clear Assignment</source>
        <translation>&amp;Снять назначение</translation>
    </message>
    <message>
        <source>&amp;Remove Peak at %1</source>
        <translation>&amp;Удалить пик при %1</translation>
    </message>
    <message>
        <source>ROI over This &amp;Peak</source>
        <translation>ОИ по &amp;этому пику</translation>
    </message>
    <message>
        <source>&amp;Nuclides with a Line near %1 keV</source>
        <translation>Нукл&amp;иды с линией около %1 кэВ</translation>
    </message>
    <message>
        <source>%1 — %2 keV (%3 %)</source>
        <translation>%1 — %2 кэВ (%3 %)</translation>
    </message>
    <message>
        <source>(none in the library)</source>
        <translation>(в библиотеке нет)</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>Сбросить &amp;масштаб</translation>
    </message>
    <message>
        <source>No peaks to export.</source>
        <translation>Нет пиков для экспорта.</translation>
    </message>
    <message>
        <source>Export Peak Table</source>
        <translation>Экспорт таблицы пиков</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>Таблицы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Peak table written to %1</source>
        <translation>Таблица пиков записана в %1</translation>
    </message>
    <message>
        <source>This spectrum uses its file&apos;s calibration; calibrate it first (Peaks ▸ Calibrate Energy).</source>
        <translation>Спектр использует калибровку своего файла; сначала откалибруйте его (Пики ▸ Калибровка по энергии).</translation>
    </message>
    <message>
        <source>Export Calibration</source>
        <translation>Экспорт калибровки</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Файлы JSON (*.json)</translation>
    </message>
    <message>
        <source>Calibration written to %1</source>
        <translation>Калибровка записана в %1</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::CalibrationDialog</name>
    <message>
        <source>&amp;Preview on the spectrum</source>
        <translation>Показать на &amp;графике</translation>
    </message>
    <message>
        <source>&amp;This spectrum</source>
        <translation>&amp;Этот спектр</translation>
    </message>
    <message>
        <source>All &amp;selected spectra (%1)</source>
        <translation>Все &amp;выбранные спектры (%1)</translation>
    </message>
    <message>
        <source>Energy Calibration</source>
        <translation>Калибровка по энергии</translation>
    </message>
    <message>
        <source>Peaks assigned to a line (right-click a peak ▸ Assign Line). The fit replaces the calibration in the window only; the file is not changed.</source>
        <translation>Пики с назначенной линией (правый щелчок по пику ▸ Назначить линию). Подгонка заменяет калибровку только в окне; файл не изменяется.</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Исп.</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Line (keV)</source>
        <translation>Линия (кэВ)</translation>
    </message>
    <message>
        <source>Residual (keV)</source>
        <translation>Остаток (кэВ)</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Линейная</translation>
    </message>
    <message>
        <source>Quadratic (3 lines or more)</source>
        <translation>Квадратичная (от 3 линий)</translation>
    </message>
    <message>
        <source>&amp;Degree:</source>
        <translation>&amp;Степень:</translation>
    </message>
    <message>
        <source>Energy (keV)</source>
        <translation>Энергия (кэВ)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Применить</translation>
    </message>
    <message>
        <source>Assign lines to at least two peaks (right-click a peak in the plot or the peak table ▸ Assign Line).</source>
        <translation>Назначьте линии хотя бы двум пикам (правый щелчок по пику на графике или в таблице пиков ▸ Назначить линию).</translation>
    </message>
    <message>
        <source>No calibration: %1</source>
        <translation>Калибровки нет: %1</translation>
    </message>
    <message>
        <source>E(ch) = %1 + %2·ch + %3·ch² keV; rms residual %4 keV; 662 keV now at channel %5 (was %6).</source>
        <translation>E(к) = %1 + %2·к + %3·к² кэВ; СКО остатков %4 кэВ; 662 кэВ теперь в канале %5 (было %6).</translation>
    </message>
    <message>
        <source>uncalibrated</source>
        <translation>без калибровки</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ClassConfusionView</name>
    <message>
        <source>called</source>
        <translation>присвоено</translation>
    </message>
    <message>
        <source>truth</source>
        <translation>истина</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ClassHistogramView</name>
    <message>
        <source>fraction of events per bin</source>
        <translation>доля событий в бине</translation>
    </message>
    <message>
        <source>%1 (%2 events in range)</source>
        <translation>%1 (%2 событий в диапазоне)</translation>
    </message>
    <message>
        <source>all events</source>
        <translation>все события</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ColumnBrowser</name>
    <message>
        <source>Filter columns by name</source>
        <translation>Фильтр столбцов по имени</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ни одного</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Есть</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Мин</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Медиана</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Среднее</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Макс</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ColumnScatterView</name>
    <message>
        <source>class 0</source>
        <translation>класс 0</translation>
    </message>
    <message>
        <source>class 1</source>
        <translation>класс 1</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>без метки</translation>
    </message>
    <message>
        <source>%1: %2 of %3 events drawn (every %4th)</source>
        <translation>%1: показано %2 из %3 событий (каждое %4-е)</translation>
    </message>
    <message>
        <source>%1: %2 events</source>
        <translation>%1: %2 событий</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ConfusionMatrixView</name>
    <message>
        <source>correct (P = T)</source>
        <translation>верно (П = И)</translation>
    </message>
    <message>
        <source>incomplete (P ⊂ T)</source>
        <translation>неполно (П ⊂ И)</translation>
    </message>
    <message>
        <source>over-complete (T ⊂ P)</source>
        <translation>избыточно (И ⊂ П)</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>неверно</translation>
    </message>
    <message>
        <source>Source / background</source>
        <translation>Источник / фон</translation>
    </message>
    <message>
        <source>Per isotope</source>
        <translation>По изотопам</translation>
    </message>
    <message>
        <source>By label set</source>
        <translation>По наборам меток</translation>
    </message>
    <message>
        <source>Matrix:</source>
        <translation>Матрица:</translation>
    </message>
    <message>
        <source>Share of the true row (%)</source>
        <translation>Доля истинной строки (%)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Фон</translation>
    </message>
    <message>
        <source>%1 spectra: detection rate %2, false-alarm rate %3</source>
        <translation>Спектров: %1; доля обнаружений %2, доля ложных тревог %3</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>Истина</translation>
    </message>
    <message>
        <source>not %1</source>
        <translation>не %1</translation>
    </message>
    <message>
        <source>%1 in %2 spectra: precision %3, recall %4</source>
        <translation>%1 (спектров: %2): точность %3, полнота %4</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Предсказано</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Истинно</translation>
    </message>
    <message>
        <source>Label sets of %1 spectra: %2 exactly right</source>
        <translation>Наборы меток (спектров: %1): полностью верны %2</translation>
    </message>
    <message>
        <source>Predicted label set</source>
        <translation>Предсказанный набор меток</translation>
    </message>
    <message>
        <source>True label set</source>
        <translation>Истинный набор меток</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;No detection results&lt;/p&gt;&lt;p&gt;Evaluate a detector to see its source / background decisions.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Нет результатов обнаружения&lt;/p&gt;&lt;p&gt;Оцените модель обнаружения, чтобы увидеть её решения «источник / фон».&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;No identification results&lt;/p&gt;&lt;p&gt;Evaluate a model on labelled spectra to see its confusion matrix.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Нет результатов идентификации&lt;/p&gt;&lt;p&gt;Оцените модель на размеченных спектрах, чтобы увидеть её матрицу ошибок.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::DataBrowserDock</name>
    <message>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>Filter: name, folder, label or flag (e.g. Cs137 60s)</source>
        <translation>Фильтр: имя, папка, метка или флаг (напр. Cs137 60s)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>Show only spectra with problems (all-zero, missing calibration, ...)</source>
        <translation>Показывать только спектры с проблемами (одни нули, нет калибровки, ...)</translation>
    </message>
    <message>
        <source>No data opened</source>
        <translation>Данные не открыты</translation>
    </message>
    <message>
        <source>%1 spectra</source>
        <translation>Спектров: %1</translation>
    </message>
    <message>
        <source> · %1 flagged</source>
        <translation> · с флагами: %1</translation>
    </message>
    <message>
        <source> · %1 shown</source>
        <translation> · показано: %1</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Дерево</translation>
    </message>
    <message>
        <source>Show folders, files and the spectra of multi-spectrum files as a tree; off: a flat sortable list</source>
        <translation>Показывать папки, файлы и спектры многоспектровых файлов в виде дерева; выключено — плоский сортируемый список</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::DatasetModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>не читается</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Проблемы:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Live time</source>
        <translation>Жив. вр.</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Отсчёты</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Флаги</translation>
    </message>
    <message>
        <source>Ground-truth labels, from the file or from the folder names</source>
        <translation>Истинные метки — из файла или из имён папок</translation>
    </message>
    <message>
        <source>Total counts over all channels</source>
        <translation>Полное число отсчётов по всем каналам</translation>
    </message>
    <message>
        <source>Problems found while reading; hover a row for details</source>
        <translation>Проблемы, найденные при чтении; подробности — при наведении на строку</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::DatasetTreeModel</name>
    <message>
        <source>%1 spectra</source>
        <translation>спектров: %1</translation>
    </message>
    <message>
        <source>%1 flagged</source>
        <translation>флагов: %1</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::DenoisedSpectrumView</name>
    <message>
        <source>Log scale</source>
        <translation>Логарифмическая шкала</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>Сохранить PNG…</translation>
    </message>
    <message>
        <source>Save this plot as a PNG image</source>
        <translation>Сохранить этот график как изображение PNG</translation>
    </message>
    <message>
        <source>Select a spectrum to see it beside its reconstruction by the latent model.</source>
        <translation>Выберите спектр, чтобы увидеть его рядом с реконструкцией латентной моделью.</translation>
    </message>
    <message>
        <source>Original vs denoised</source>
        <translation>Исходный и без шума</translation>
    </message>
    <message>
        <source>This spectrum cannot be put on the latent model&apos;s grid (no counts or no energy calibration).</source>
        <translation>Этот спектр нельзя перенести на сетку латентной модели (нет отсчётов или нет энергетической калибровки).</translation>
    </message>
    <message>
        <source>%1: original vs denoised
cosine similarity %2 (channels ≥ %3) · Pearson %4 · explained variance %5</source>
        <translation>%1: исходный и без шума
косинусное сходство %2 (каналы ≥ %3) · Пирсон %4 · объяснённая дисперсия %5</translation>
    </message>
    <message>
        <source>original (%1 counts)</source>
        <translation>исходный (%1 отсчётов)</translation>
    </message>
    <message>
        <source>%1: score %2, share %3 %</source>
        <translation>%1: вклад %2, доля %3 %</translation>
    </message>
    <message>
        <source>denoised (scores × loadings)</source>
        <translation>без шума (вклады × нагрузки)</translation>
    </message>
    <message>
        <source>Energy (keV)</source>
        <translation>Энергия (кэВ)</translation>
    </message>
    <message>
        <source>Counts per channel</source>
        <translation>Отсчёты на канал</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::Histogram2DView</name>
    <message>
        <source>events (asinh scale)</source>
        <translation>события (шкала asinh)</translation>
    </message>
    <message>
        <source>%1 (%2 events, %3 more outside the plotted range)</source>
        <translation>%1 (%2 событий, ещё %3 вне показанного диапазона)</translation>
    </message>
    <message>
        <source>%1 (%2 events)</source>
        <translation>%1 (%2 событий)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ImageDatasetDialog</name>
    <message>
        <source>Choose the image dataset</source>
        <translation>Выберите набор данных изображений</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Набор данных</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Кадры</translation>
    </message>
    <message>
        <source>Frame size</source>
        <translation>Размер кадра</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n image datasets (width x height; 3-D datasets are stacks of frames):</source>
        <translation>
            <numerusform>%1 содержит %n набор данных изображений (ширина x высота; 3-D наборы — стопки кадров):</numerusform>
            <numerusform>%1 содержит %n набора данных изображений (ширина x высота; 3-D наборы — стопки кадров):</numerusform>
            <numerusform>%1 содержит %n наборов данных изображений (ширина x высота; 3-D наборы — стопки кадров):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ImagePanel</name>
    <message>
        <source>No image stack</source>
        <translation>Нет стопки изображений</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Обучить</translation>
    </message>
    <message>
        <source>Frame fully labelled</source>
        <translation>Кадр размечен полностью</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Открыть…</translation>
    </message>
    <message>
        <source>Dataset…</source>
        <translation>Набор данных…</translation>
    </message>
    <message>
        <source>Choose another 2-D or 3-D dataset of the open file</source>
        <translation>Выбрать другой 2-D или 3-D набор данных открытого файла</translation>
    </message>
    <message>
        <source>SVM</source>
        <translation>SVM</translation>
    </message>
    <message>
        <source>CNN</source>
        <translation>CNN</translation>
    </message>
    <message>
        <source>RBF SVM on patch features, or a small CNN on the patches; both calibrated</source>
        <translation>RBF SVM на признаках фрагментов или небольшая CNN на фрагментах; обе откалиброваны</translation>
    </message>
    <message>
        <source>Save labels</source>
        <translation>Сохранить метки</translation>
    </message>
    <message>
        <source>Export peaks…</source>
        <translation>Экспорт пиков…</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the frame as shown, with its candidates and labels, as a PNG report</source>
        <translation>Сохранить кадр в показанном виде, с кандидатами и метками, как отчёт PNG</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>линейная</translation>
    </message>
    <message>
        <source>log</source>
        <translation>логарифмическая</translation>
    </message>
    <message>
        <source>asinh</source>
        <translation>asinh</translation>
    </message>
    <message>
        <source>Every peak of this frame is labelled: unlabelled candidates count as not peaks.</source>
        <translation>Все пики этого кадра размечены: неразмеченные кандидаты считаются не пиками.</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Кадр</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Шкала</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>SNR</source>
        <translation>С/Ш</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>пиксели</translation>
    </message>
    <message>
        <source>integrated</source>
        <translation>интеграл</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>вероятность</translation>
    </message>
    <message>
        <source>label</source>
        <translation>метка</translation>
    </message>
    <message>
        <source>near mask</source>
        <translation>у маски</translation>
    </message>
    <message>
        <source>recall (held-out frames)</source>
        <translation>полнота (отложенные кадры)</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>точность</translation>
    </message>
    <message>
        <source>Left click: peak. Right click: not a peak. Shift + left click: a peak the finder missed.</source>
        <translation>Левый щелчок: пик. Правый щелчок: не пик. Shift + левый щелчок: пик, пропущенный поиском.</translation>
    </message>
    <message>
        <source>Save frame as PNG</source>
        <translation>Сохранить кадр как PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>Save PNG</source>
        <translation>Сохранить PNG</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>Отменить обучение</translation>
    </message>
    <message>
        <source>Training: %1 %2 of %3</source>
        <translation>Обучение: %1 %2 из %3</translation>
    </message>
    <message>
        <source> Training cancelled.</source>
        <translation> Обучение отменено.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Изображения</translation>
    </message>
    <message>
        <source>Open image stack</source>
        <translation>Открыть стопку изображений</translation>
    </message>
    <message>
        <source>HDF5 image stacks (*.h5 *.hdf5 *.cxi *.nxs);;All files (*)</source>
        <translation>Стопки изображений HDF5 (*.h5 *.hdf5 *.cxi *.nxs);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Choose dataset</source>
        <translation>Выбрать набор данных</translation>
    </message>
    <message>
        <source>Export accepted peaks</source>
        <translation>Экспорт принятых пиков</translation>
    </message>
    <message>
        <source>CrystFEL stream (*.stream);;CSV (*.csv)</source>
        <translation>Поток CrystFEL (*.stream);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export peaks</source>
        <translation>Экспорт пиков</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>пик</translation>
    </message>
    <message>
        <source>not a peak</source>
        <translation>не пик</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>open an image stack first</source>
        <translation>сначала откройте стопку изображений</translation>
    </message>
    <message>
        <source>Training the %1 on the labelled frames…</source>
        <translation>Обучение %1 на размеченных кадрах…</translation>
    </message>
    <message>
        <source>training cancelled</source>
        <translation>обучение отменено</translation>
    </message>
    <message>
        <source>No image stack.</source>
        <translation>Нет стопки изображений.</translation>
    </message>
    <message>
        <source>Frame %1 of %2: %3 candidates</source>
        <translation>Кадр %1 из %2: кандидатов %3</translation>
    </message>
    <message>
        <source>, %1 called peaks (p &gt;= %2). Held-out frames: precision %3 %, recall %4 %, F1 %5 %</source>
        <translation>, %1 названы пиками (p &gt;= %2). Отложенные кадры: точность %3 %, полнота %4 %, F1 %5 %</translation>
    </message>
    <message>
        <source>. Labels: %1 peaks, %2 not peaks%3.</source>
        <translation>. Метки: пиков %1, не пиков %2%3.</translation>
    </message>
    <message>
        <source> (unsaved)</source>
        <translation> (не сохранено)</translation>
    </message>
    <message>
        <source>the PNG could not be encoded</source>
        <translation>не удалось закодировать PNG</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ImageView</name>
    <message>
        <source>x (fast scan, pixels)</source>
        <translation>x (быстрая развёртка, пиксели)</translation>
    </message>
    <message>
        <source>y (slow scan, pixels)</source>
        <translation>y (медленная развёртка, пиксели)</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>линейная</translation>
    </message>
    <message>
        <source>log10</source>
        <translation>log10</translation>
    </message>
    <message>
        <source>asinh</source>
        <translation>asinh</translation>
    </message>
    <message>
        <source>intensity (%1)</source>
        <translation>интенсивность (%1)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LatentScatterMatrixView</name>
    <message>
        <source>Errors only</source>
        <translation>Только ошибки</translation>
    </message>
    <message>
        <source>Show only the test spectra whose predicted label set differs from the true one</source>
        <translation>Показывать только тестовые спектры, у которых предсказанный набор меток отличается от истинного</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;No latent scores&lt;/p&gt;&lt;p&gt;Evaluate a latent model to see the scores of its training and test spectra.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Нет латентных вкладов&lt;/p&gt;&lt;p&gt;Оцените латентную модель, чтобы увидеть вклады компонент в её обучающих и тестовых спектрах.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Вклад</translation>
    </message>
    <message>
        <source>%1 training and %2 test spectra; %3 test spectra misclassified.</source>
        <translation>Обучающих спектров: %1, тестовых: %2; неверно классифицировано тестовых: %3.</translation>
    </message>
    <message>
        <source>%1 of the component on each axis. Click a point to show its spectrum.</source>
        <translation>%1 компоненты по каждой оси. Щёлкните точку, чтобы показать её спектр.</translation>
    </message>
    <message>
        <source>training spectrum</source>
        <translation>обучающий спектр</translation>
    </message>
    <message>
        <source>test spectrum</source>
        <translation>тестовый спектр</translation>
    </message>
    <message>
        <source>Test spectrum %1: true %2, predicted %3. %4: %5</source>
        <translation>Тестовый спектр %1: истина %2, предсказано %3. %4: %5</translation>
    </message>
    <message>
        <source>Training spectrum %1: true %2, predicted %3. %4: %5</source>
        <translation>Обучающий спектр %1: истина %2, предсказано %3. %4: %5</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LatentTrainingPage</name>
    <message>
        <source>Components and training source</source>
        <translation>Компоненты и обучающие данные</translation>
    </message>
    <message>
        <source>One component per checked single label (spectra whose label set is exactly that label), then background. Mixtures are not components.</source>
        <translation>По одной компоненте на каждую отмеченную одиночную метку (спектры, чей набор меток — ровно эта метка), затем фон. Смеси компонентами не являются.</translation>
    </message>
    <message>
        <source>Components:</source>
        <translation>Компоненты:</translation>
    </message>
    <message>
        <source>any detector</source>
        <translation>любой детектор</translation>
    </message>
    <message>
        <source>Use isotope spectra of this detector only. GAMMA_FLOW&apos;s default training source is simulated isotopes plus measured background: enter simulated here and the background detector (e.g. left) below.</source>
        <translation>Использовать спектры изотопов только этого детектора. По умолчанию GAMMA_FLOW обучается на смоделированных изотопах и измеренном фоне: введите здесь simulated, а ниже — детектор фона (напр. left).</translation>
    </message>
    <message>
        <source>Isotope detector:</source>
        <translation>Детектор изотопов:</translation>
    </message>
    <message>
        <source>Use background spectra of this detector only (e.g. left for the measured GAMMA_FLOW background).</source>
        <translation>Использовать фоновые спектры только этого детектора (напр. left для измеренного фона GAMMA_FLOW).</translation>
    </message>
    <message>
        <source>Background detector:</source>
        <translation>Детектор фона:</translation>
    </message>
    <message>
        <source>Spectra are rebinned count-conserving onto the GAMMA_FLOW grid; each loading is the mean of its component&apos;s spectra, normalised to area 1 from the first fitted channel on.</source>
        <translation>Спектры перебинируются на сетку GAMMA_FLOW с сохранением числа отсчётов; каждая нагрузка — среднее спектров её компоненты, нормированное на площадь 1 начиная с первого аппроксимируемого канала.</translation>
    </message>
    <message>
        <source>Energy grid:</source>
        <translation>Энергетическая сетка:</translation>
    </message>
    <message>
        <source>First channel of the fit (default 7): lower channels (noise, threshold) are ignored.</source>
        <translation>Первый канал аппроксимации (по умолчанию 7): нижние каналы (шум, порог) игнорируются.</translation>
    </message>
    <message>
        <source>First fitted channel:</source>
        <translation>Первый канал аппроксимации:</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Unknown-isotope flag: every training spectrum is analysed by the trained model; a spectrum is flagged when its fit is worse than this quantile of theirs (default 0.99).</source>
        <translation>Флаг неизвестного изотопа: обученная модель анализирует каждый обучающий спектр; спектр отмечается, если его подгонка хуже этого квантиля их подгонок (по умолчанию 0.99).</translation>
    </message>
    <message>
        <source>Unknown-flag quantile:</source>
        <translation>Квантиль флага «неизвестный»:</translation>
    </message>
    <message>
        <source>(none: check single-label sets)</source>
        <translation>(нет: отметьте наборы из одной метки)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LatentViews</name>
    <message>
        <source>La&amp;tent Model Views</source>
        <translation>&amp;Виды латентной модели</translation>
    </message>
    <message>
        <source>Denoised</source>
        <translation>Без шума</translation>
    </message>
    <message>
        <source>&amp;Denoised Spectrum</source>
        <translation>Спектр &amp;без шума</translation>
    </message>
    <message>
        <source>The selected spectrum beside its reconstruction by the latent model, with the cosine similarity</source>
        <translation>Выбранный спектр рядом с его реконструкцией латентной моделью, с косинусным сходством</translation>
    </message>
    <message>
        <source>Misclassified Spectra</source>
        <translation>Ошибочные спектры</translation>
    </message>
    <message>
        <source>&amp;Misclassified Spectra</source>
        <translation>&amp;Ошибочно классифицированные спектры</translation>
    </message>
    <message>
        <source>Spectra the latent model got wrong, beside the loadings of their true and predicted components</source>
        <translation>Спектры, в которых латентная модель ошиблась, рядом с нагрузками их истинных и предсказанных компонент</translation>
    </message>
    <message>
        <source>Mean Shares</source>
        <translation>Средние доли</translation>
    </message>
    <message>
        <source>Mean &amp;Shares per Label</source>
        <translation>&amp;Средние доли по меткам</translation>
    </message>
    <message>
        <source>Mean latent share of every component per true label, as bars</source>
        <translation>Средняя латентная доля каждой компоненты по истинной метке, столбцами</translation>
    </message>
    <message>
        <source>Loadings Similarity</source>
        <translation>Сходство нагрузок</translation>
    </message>
    <message>
        <source>Loadings S&amp;imilarity</source>
        <translation>С&amp;ходство нагрузок</translation>
    </message>
    <message>
        <source>Cosine similarity of every pair of loadings: which components can be confused</source>
        <translation>Косинусное сходство каждой пары нагрузок: какие компоненты можно спутать</translation>
    </message>
    <message>
        <source>Train or open a latent model first.</source>
        <translation>Сначала обучите или откройте латентную модель.</translation>
    </message>
    <message>
        <source>Select a spectrum to see it beside its reconstruction by the latent model.</source>
        <translation>Выберите спектр, чтобы увидеть его рядом с реконструкцией латентной моделью.</translation>
    </message>
    <message>
        <source>Classify labelled spectra with a latent model first.</source>
        <translation>Сначала классифицируйте размеченные спектры латентной моделью.</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LiveActions</name>
    <message>
        <source>&amp;Watch Folder…</source>
        <translation>Следить за па&amp;пкой…</translation>
    </message>
    <message>
        <source>Rep&amp;lay Folder…</source>
        <translation>Восп&amp;роизвести папку…</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LiveCharts</name>
    <message>
        <source>Count rate (cps)</source>
        <translation>Скорость счёта (имп/с)</translation>
    </message>
    <message>
        <source>count rate</source>
        <translation>скорость счёта</translation>
    </message>
    <message>
        <source>rolling background</source>
        <translation>скользящий фон</translation>
    </message>
    <message>
        <source>alarming interval</source>
        <translation>интервал тревоги</translation>
    </message>
    <message>
        <source>Excess (σ)</source>
        <translation>Превышение (σ)</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Вероятность</translation>
    </message>
    <message>
        <source>Counts / s / channel</source>
        <translation>Отсчёты / с / канал</translation>
    </message>
    <message>
        <source>Energy (keV)</source>
        <translation>Энергия (кэВ)</translation>
    </message>
    <message>
        <source>latest spectrum</source>
        <translation>последний спектр</translation>
    </message>
    <message>
        <source>running sum</source>
        <translation>скользящая сумма</translation>
    </message>
    <message>
        <source>Spectrum #</source>
        <translation>Спектр №</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LiveControls</name>
    <message>
        <source>Alarm</source>
        <translation>Тревога</translation>
    </message>
    <message>
        <source> σ</source>
        <translation> σ</translation>
    </message>
    <message>
        <source>Gross-count excess over the rolling background that makes an interval alarming</source>
        <translation>Превышение полного счёта над скользящим фоном, при котором интервал считается тревожным</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Порог</translation>
    </message>
    <message>
        <source>Consecutive alarming intervals before the alarm is raised</source>
        <translation>Число подряд тревожных интервалов до подачи тревоги</translation>
    </message>
    <message>
        <source>Raise after</source>
        <translation>Тревога после</translation>
    </message>
    <message>
        <source>Consecutive quiet intervals before the alarm is cleared</source>
        <translation>Число подряд спокойных интервалов до снятия тревоги</translation>
    </message>
    <message>
        <source>Clear after</source>
        <translation>Снять после</translation>
    </message>
    <message>
        <source>An isotope is named in an alarm at or above this probability</source>
        <translation>Изотоп называется в тревоге при вероятности не ниже этой</translation>
    </message>
    <message>
        <source>Name isotopes at p ≥</source>
        <translation>Называть изотопы при p ≥</translation>
    </message>
    <message>
        <source>Model decisions alarm too</source>
        <translation>Решения модели тоже вызывают тревогу</translation>
    </message>
    <message>
        <source>An interval the model calls a source with a named isotope is alarming as well</source>
        <translation>Интервал, который модель считает источником с названным изотопом, тоже тревожный</translation>
    </message>
    <message>
        <source>Weak sources and background</source>
        <translation>Слабые источники и фон</translation>
    </message>
    <message>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <source>Also test the sum of the last N intervals</source>
        <translation>Проверять также сумму последних N интервалов</translation>
    </message>
    <message>
        <source>Sliding sum of</source>
        <translation>Скользящая сумма</translation>
    </message>
    <message>
        <source>Cumulative sum since the start</source>
        <translation>Накопленная сумма с начала</translation>
    </message>
    <message>
        <source> intervals</source>
        <translation> интервалов</translation>
    </message>
    <message>
        <source>The rolling background is the mean of the last N source-free intervals</source>
        <translation>Скользящий фон — среднее последних N интервалов без источника</translation>
    </message>
    <message>
        <source>Background of</source>
        <translation>Фон по</translation>
    </message>
    <message>
        <source>Learn Background Again</source>
        <translation>Изучить фон заново</translation>
    </message>
    <message>
        <source>Export Alarm Log…</source>
        <translation>Экспорт журнала тревог…</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LiveWindow</name>
    <message>
        <source>&lt;b&gt;Alarm banner&lt;/b&gt;: red with the isotope, the time, the spectrum and the evidence while an alarm is up; green with the state otherwise.</source>
        <translation>&lt;b&gt;Баннер тревоги&lt;/b&gt;: красный, с изотопом, временем, спектром и обоснованием, пока тревога активна; иначе зелёный с состоянием.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Strip charts&lt;/b&gt;: count rate with the rolling background, significance with the threshold, each isotope&apos;s probability; below, the latest spectrum and the running sum.</source>
        <translation>&lt;b&gt;Ленточные графики&lt;/b&gt;: скорость счёта со скользящим фоном, значимость с порогом, вероятность каждого изотопа; ниже — последний спектр и текущая сумма.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Alarm settings&lt;/b&gt;: threshold in sigma, raise after / clear after N intervals, naming probability, sliding and cumulative sums, background length. Changes apply at once.</source>
        <translation>&lt;b&gt;Настройки тревоги&lt;/b&gt;: порог в сигмах, поднять после / снять после N интервалов, вероятность для называния изотопа, скользящая и накопленная суммы, длина фона. Изменения применяются сразу.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Alarm log&lt;/b&gt;: one row per alarm, raised and cleared; export it as CSV.</source>
        <translation>&lt;b&gt;Журнал тревог&lt;/b&gt;: по строке на тревогу, с моментами подъёма и снятия; экспортируется в CSV.</translation>
    </message>
    <message>
        <source>Live Monitoring — Photopeak</source>
        <translation>Мониторинг в реальном времени — Photopeak</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Подана</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Снята</translation>
    </message>
    <message>
        <source>Isotopes</source>
        <translation>Изотопы</translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>Спектр</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Свидетельства</translation>
    </message>
    <message>
        <source>Watch Folder…</source>
        <translation>Следить за папкой…</translation>
    </message>
    <message>
        <source>Replay Folder…</source>
        <translation>Воспроизвести папку…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Alarm log</source>
        <translation>Журнал тревог</translation>
    </message>
    <message>
        <source>Load or train a model first: live monitoring analyses every new spectrum with the current model.</source>
        <translation>Сначала загрузите или обучите модель: мониторинг анализирует каждый новый спектр текущей моделью.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <source>No temporary folder for the replay: %1</source>
        <translation>Нет временной папки для воспроизведения: %1</translation>
    </message>
    <message>
        <source>Watch Folder</source>
        <translation>Следить за папкой</translation>
    </message>
    <message>
        <source>Replay Measured Spectra From</source>
        <translation>Воспроизвести измеренные спектры из</translation>
    </message>
    <message>
        <source>Replay Speed</source>
        <translation>Скорость воспроизведения</translation>
    </message>
    <message>
        <source>Times faster than measured (spectra come in acquisition order):</source>
        <translation>Во сколько раз быстрее измерения (спектры идут в порядке набора):</translation>
    </message>
    <message>
        <source>Export Alarm Log</source>
        <translation>Экспорт журнала тревог</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>the alarm log cannot go into the watched folder</source>
        <translation>журнал тревог не может находиться в наблюдаемой папке</translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation>Наблюдение за %1</translation>
    </message>
    <message>
        <source>Stopped (%1 spectra).</source>
        <translation>Остановлено (спектров: %1).</translation>
    </message>
    <message numerus="yes">
        <source>Not watching. %n spectra analysed.</source>
        <translation>
            <numerusform>Наблюдение не ведётся. Проанализирован %n спектр.</numerusform>
            <numerusform>Наблюдение не ведётся. Проанализировано %n спектра.</numerusform>
            <numerusform>Наблюдение не ведётся. Проанализировано %n спектров.</numerusform>
        </translation>
    </message>
    <message>
        <source>active</source>
        <translation>активна</translation>
    </message>
    <message>
        <source>%1; peak %2 σ</source>
        <translation>%1; пик %2 σ</translation>
    </message>
    <message>
        <source>Photopeak alarm: %1</source>
        <translation>Тревога Photopeak: %1</translation>
    </message>
    <message>
        <source>Learning the background: %1 of %2 source-free intervals.</source>
        <translation>Изучение фона: %1 из %2 интервалов без источника.</translation>
    </message>
    <message>
        <source>No alarm. Spectrum #%1: %2 cps, background %3 cps, %4 σ.</source>
        <translation>Тревоги нет. Спектр №%1: %2 имп/с, фон %3 имп/с, %4 σ.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n spectra, decision %2 ms after the file was complete (median)</source>
        <translation>
            <numerusform>%1 — %n спектр, решение через %2 мс после готовности файла (медиана)</numerusform>
            <numerusform>%1 — %n спектра, решение через %2 мс после готовности файла (медиана)</numerusform>
            <numerusform>%1 — %n спектров, решение через %2 мс после готовности файла (медиана)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LiveWorker</name>
    <message>
        <source>No model to analyse with: load or train one first.</source>
        <translation>Нет модели для анализа: сначала загрузите или обучите её.</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LoadingsSimilarityView</name>
    <message>
        <source>Save PNG…</source>
        <translation>Сохранить PNG…</translation>
    </message>
    <message>
        <source>Save this plot as a PNG image</source>
        <translation>Сохранить этот график как изображение PNG</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;No latent model&lt;/p&gt;&lt;p&gt;Train or open a latent model to see how similar its loadings are.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Нет латентной модели&lt;/p&gt;&lt;p&gt;Обучите или откройте латентную модель, чтобы увидеть сходство её нагрузок.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cosine similarity of the loadings (channels ≥ %1): near 1 = components the fit can confuse</source>
        <translation>Косинусное сходство нагрузок (каналы ≥ %1): около 1 — компоненты, которые подгонка может спутать</translation>
    </message>
    <message>
        <source>cosine similarity</source>
        <translation>косинусное сходство</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LoadingsView</name>
    <message>
        <source>Energy axis (keV)</source>
        <translation>Ось энергий (кэВ)</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Лог. шкала</translation>
    </message>
    <message>
        <source>Energy from the model&apos;s grid, or channel numbers</source>
        <translation>Энергия по сетке модели или номера каналов</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;No latent model&lt;/p&gt;&lt;p&gt;Train or open a latent model to see its loadings.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Нет латентной модели&lt;/p&gt;&lt;p&gt;Обучите или откройте латентную модель, чтобы увидеть её нагрузки.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Loadings: mean normalised spectrum of each component (area 1 over channels ≥ %1). Grey: channels below %1, not fitted.</source>
        <translation>Нагрузки: средний нормированный спектр каждой компоненты (площадь 1 по каналам ≥ %1). Серым: каналы ниже %1, не аппроксимируются.</translation>
    </message>
    <message>
        <source>Energy (keV)</source>
        <translation>Энергия (кэВ)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::MainWindow</name>
    <message>
        <source>&amp;Manual</source>
        <translation>&amp;Руководство</translation>
    </message>
    <message>
        <source>What&apos;s &amp;This?</source>
        <translation>&amp;Что это?</translation>
    </message>
    <message>
        <source>F1 opens the manual at this panel.</source>
        <translation>F1 открывает руководство на разделе об этой панели.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Data browser&lt;/b&gt;: every opened spectrum with its labels, live time, counts and flags. Click rows to plot them; files that cannot be used stay listed with the reason.</source>
        <translation>&lt;b&gt;Обзор данных&lt;/b&gt;: все открытые спектры с метками, живым временем, числом отсчётов и флагами. Щёлкните строки, чтобы построить их; непригодные файлы остаются в списке с указанием причины.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spectrum&lt;/b&gt;: what the file says about the current spectrum: channels, times, distance, calibration, start, detector and the problems found.</source>
        <translation>&lt;b&gt;Спектр&lt;/b&gt;: что сообщает файл о текущем спектре: каналы, времена, расстояние, калибровка, начало, детектор и найденные проблемы.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spectrum view&lt;/b&gt;: the selected spectra. Wheel zooms, drag pans, double-click resets; identified isotopes are shaded with opacity = probability.</source>
        <translation>&lt;b&gt;Окно спектра&lt;/b&gt;: выбранные спектры. Колесо масштабирует, перетаскивание сдвигает, двойной щелчок сбрасывает; найденные изотопы закрашены с непрозрачностью, равной вероятности.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Results&lt;/b&gt;: one row per classified spectrum with the decision, the source probability and each isotope&apos;s probability and activity. Click a row to see its spectrum.</source>
        <translation>&lt;b&gt;Результаты&lt;/b&gt;: по строке на каждый классифицированный спектр с решением, вероятностью источника, вероятностью и активностью каждого изотопа. Щёлкните строку, чтобы увидеть спектр.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training&lt;/b&gt;: choose the labelled spectra, the task, method and validation, and train a model; save and load models here.</source>
        <translation>&lt;b&gt;Обучение&lt;/b&gt;: выберите размеченные спектры, задачу, метод и проверку и обучите модель; здесь же модели сохраняются и загружаются.</translation>
    </message>
    <message>
        <source>Open &amp;Hit Collection…</source>
        <translation>Открыть &amp;коллекцию хитов…</translation>
    </message>
    <message>
        <source>Open CREDO &amp;JSON Export…</source>
        <translation>Открыть экспорт CREDO (&amp;JSON)…</translation>
    </message>
    <message>
        <source>Open &amp;Image Stack…</source>
        <translation>Открыть &amp;стопку изображений…</translation>
    </message>
    <message>
        <source>Open &amp;Event Table…</source>
        <translation>Открыть та&amp;блицу событий…</translation>
    </message>
    <message>
        <source>Use Selection as Session &amp;Background</source>
        <translation>Выбранные как &amp;фон сеанса</translation>
    </message>
    <message>
        <source>Clear Session Background</source>
        <translation>Убрать фон сеанса</translation>
    </message>
    <message>
        <source>Export Report as P&amp;DF…</source>
        <translation>Экспорт отчёта в P&amp;DF…</translation>
    </message>
    <message>
        <source>Export Report as &amp;HTML…</source>
        <translation>Экспорт отчёта в &amp;HTML…</translation>
    </message>
    <message>
        <source>Photopeak</source>
        <translation>Photopeak</translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>Спектр</translation>
    </message>
    <message>
        <source>Open a spectrum file or a folder of spectra to begin.</source>
        <translation>Для начала откройте файл спектра или папку со спектрами.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Открытие %1…</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>&amp;Открыть файл…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Open one or more spectrum files (Ctrl+O)</source>
        <translation>Открыть один или несколько файлов спектров (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Открыть п&amp;апку…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Open every spectrum below a folder; folder names become labels (Ctrl+Shift+O)</source>
        <translation>Открыть все спектры в папке и подпапках; имена папок становятся метками (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>&amp;Cancel Loading</source>
        <translation>Отменить &amp;загрузку</translation>
    </message>
    <message>
        <source>&amp;Filter Data…</source>
        <translation>&amp;Фильтр данных…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;About Photopeak</source>
        <translation>&amp;О программе Photopeak</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>P&amp;anels</source>
        <translation>&amp;Панели</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>Spectra (%1)</source>
        <translation>Спектры (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Open Spectrum Files</source>
        <translation>Открыть файлы спектров</translation>
    </message>
    <message>
        <source>Open Folder of Spectra</source>
        <translation>Открыть папку со спектрами</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n элемент</numerusform>
            <numerusform>%n элемента</numerusform>
            <numerusform>%n элементов</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — Photopeak</source>
        <translation>%1 — Photopeak</translation>
    </message>
    <message>
        <source>Opened %1 spectra from %2 in %3 s</source>
        <translation>Открыто спектров: %1 из %2 за %3 с</translation>
    </message>
    <message>
        <source>Loading cancelled; the previously opened data is unchanged.</source>
        <translation>Загрузка отменена; ранее открытые данные не изменились.</translation>
    </message>
    <message>
        <source>&amp;Classify Selection</source>
        <translation>&amp;Классифицировать выбранные</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Классифицировать</translation>
    </message>
    <message>
        <source>Classify the selected spectra with the current model (Ctrl+R)</source>
        <translation>Классифицировать выбранные спектры текущей моделью (Ctrl+R)</translation>
    </message>
    <message>
        <source>Classify &amp;All</source>
        <translation>Классифицировать &amp;все</translation>
    </message>
    <message>
        <source>Classify every opened spectrum (Ctrl+Shift+R)</source>
        <translation>Классифицировать все открытые спектры (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Cancel Classification</source>
        <translation>Отменить классификацию</translation>
    </message>
    <message>
        <source>&amp;Efficiency Curve for Activities…</source>
        <translation>Кривая &amp;эффективности для активности…</translation>
    </message>
    <message>
        <source>Choose the detector&apos;s efficiency curve; with it, classification estimates the activity of every reported isotope</source>
        <translation>Выбрать кривую эффективности детектора; с ней классификация оценивает активность каждого найденного изотопа</translation>
    </message>
    <message>
        <source>Export Results as C&amp;SV…</source>
        <translation>Экспорт результатов в &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Анализ</translation>
    </message>
    <message>
        <source>Classification cancelled; the previous results are unchanged.</source>
        <translation>Классификация отменена; прежние результаты не изменились.</translation>
    </message>
    <message>
        <source>Classifying %1 / %2</source>
        <translation>Классификация %1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>Classifying %n spectra with %1…</source>
        <translation>
            <numerusform>Классификация %n спектра моделью %1…</numerusform>
            <numerusform>Классификация %n спектров моделью %1…</numerusform>
            <numerusform>Классификация %n спектров моделью %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Classified %1 spectra in %2 s with %3</source>
        <translation>Классифицировано спектров: %1 за %2 с (%3)</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Экспорт результатов</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n rows to %1</source>
        <translation>
            <numerusform>Записана %n строка в %1</numerusform>
            <numerusform>Записаны %n строки в %1</numerusform>
            <numerusform>Записано %n строк в %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Loaded classifier %1</source>
        <translation>Загружен классификатор %1</translation>
    </message>
    <message>
        <source>Loaded latent model %1</source>
        <translation>Загружена латентная модель %1</translation>
    </message>
    <message>
        <source>Efficiency Curve</source>
        <translation>Кривая эффективности</translation>
    </message>
    <message>
        <source>Efficiency curves (*.json);;All files (*)</source>
        <translation>Кривые эффективности (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Loadings</source>
        <translation>Нагрузки</translation>
    </message>
    <message>
        <source>Latent Space</source>
        <translation>Латентное пространство</translation>
    </message>
    <message>
        <source>Confusion Matrix</source>
        <translation>Матрица ошибок</translation>
    </message>
    <message>
        <source>Misclassification</source>
        <translation>Ошибки классификации</translation>
    </message>
    <message>
        <source>Loadings of the latent model: one mean normalised spectrum per component</source>
        <translation>Нагрузки латентной модели: по одному среднему нормированному спектру на компоненту</translation>
    </message>
    <message>
        <source>Latent shares of the classified spectra, pairwise; click a point to see its spectrum</source>
        <translation>Латентные доли классифицированных спектров попарно; щёлкните точку, чтобы увидеть её спектр</translation>
    </message>
    <message>
        <source>Classified spectra against the labels of their folders and file names</source>
        <translation>Классифицированные спектры в сравнении с метками из имён их папок и файлов</translation>
    </message>
    <message>
        <source>How accuracy grows when only confident results are kept</source>
        <translation>Как растёт доля верных, если оставлять только уверенные результаты</translation>
    </message>
    <message>
        <source>The classified spectra carry no labels (folder or file names): the confusion matrix and misclassification views stay empty.</source>
        <translation>У классифицированных спектров нет меток (имён папок или файлов): матрица ошибок и вид ошибок классификации останутся пустыми.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Фон</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Доля</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>trained in this session</source>
        <translation>модель этого сеанса</translation>
    </message>
    <message>
        <source>Classifier ready: Analysis ▸ Classify (Ctrl+R) to use it.</source>
        <translation>Классификатор готов: чтобы применить его, выберите Анализ ▸ Классифицировать (Ctrl+R).</translation>
    </message>
    <message>
        <source>Latent model ready: its loadings are shown; classify to see the latent space.</source>
        <translation>Латентная модель готова: показаны её нагрузки; классифицируйте, чтобы увидеть латентное пространство.</translation>
    </message>
    <message>
        <source>&amp;Training Panel</source>
        <translation>&amp;Панель обучения</translation>
    </message>
    <message>
        <source>A background overlay needs a readable spectrum with a live time.</source>
        <translation>Для наложения фона нужен читаемый спектр с живым временем.</translation>
    </message>
    <message>
        <source>Background overlay: %1 (scaled by live time)</source>
        <translation>Наложение фона: %1 (приведён по живому времени)</translation>
    </message>
    <message>
        <source>Export PNG &amp;Reports…</source>
        <translation>Экспорт &amp;отчётов PNG…</translation>
    </message>
    <message>
        <source>One PNG per classified spectrum: annotated spectrum, results, header and model</source>
        <translation>По одному PNG на каждый классифицированный спектр: спектр с пометками, результаты, заголовок и модель</translation>
    </message>
    <message numerus="yes">
        <source>Report export cancelled after %n reports</source>
        <translation>
            <numerusform>Экспорт отчётов отменён после %n отчёта</numerusform>
            <numerusform>Экспорт отчётов отменён после %n отчётов</numerusform>
            <numerusform>Экспорт отчётов отменён после %n отчётов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n PNG reports</source>
        <translation>
            <numerusform>Записан %n отчёт PNG</numerusform>
            <numerusform>Записано %n отчёта PNG</numerusform>
            <numerusform>Записано %n отчётов PNG</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n failed: </source>
        <translation>
            <numerusform>; %n с ошибкой: </numerusform>
            <numerusform>; %n с ошибкой: </numerusform>
            <numerusform>; %n с ошибкой: </numerusform>
        </translation>
    </message>
    <message>
        <source>PNG Reports</source>
        <translation>Отчёты PNG</translation>
    </message>
    <message>
        <source>Folder for PNG Reports</source>
        <translation>Папка для отчётов PNG</translation>
    </message>
    <message>
        <source>A report export is already running.</source>
        <translation>Экспорт отчётов уже выполняется.</translation>
    </message>
    <message>
        <source>Writing reports %1 / %2</source>
        <translation>Запись отчётов %1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>Writing %n PNG reports to %1…</source>
        <translation>
            <numerusform>Запись %n отчёта PNG в %1…</numerusform>
            <numerusform>Запись %n отчётов PNG в %1…</numerusform>
            <numerusform>Запись %n отчётов PNG в %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Нас&amp;тройки…</translation>
    </message>
    <message>
        <source>Use the Shipped &amp;XGD Efficiency Curve</source>
        <translation>Встроенная кривая эффективности &amp;XGD</translation>
    </message>
    <message>
        <source>Activities with the efficiency curve fitted from the XGD reference sources (only valid for the XGD detector)</source>
        <translation>Активность по кривой эффективности, подогнанной по эталонным источникам XGD (годится только для детектора XGD)</translation>
    </message>
    <message>
        <source>The shipped efficiency curve is not installed.</source>
        <translation>Встроенная кривая эффективности не установлена.</translation>
    </message>
    <message>
        <source>Activities will use the efficiency curve %1; classify again to estimate them</source>
        <translation>Для активности будет использована кривая эффективности %1; классифицируйте заново, чтобы её оценить</translation>
    </message>
    <message>
        <source>Rank Nuclides from &amp;Peaks</source>
        <translation>&amp;Ранжировать нуклиды по пикам</translation>
    </message>
    <message>
        <source>Beside the model&apos;s result, rank nuclides from the fitted peaks (slower on large folders)</source>
        <translation>Помимо результата модели, ранжировать нуклиды по аппроксимированным пикам (медленнее на больших папках)</translation>
    </message>
    <message>
        <source>Stop reading (Esc); the previously opened data stays</source>
        <translation>Прекратить чтение (Esc); ранее открытые данные сохранятся</translation>
    </message>
    <message>
        <source>Reading spectra %1 / %2</source>
        <translation>Чтение спектров %1 / %2</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>One vector PDF: a summary table, then one page per classified spectrum</source>
        <translation>Один векторный PDF: сводная таблица, затем по странице на каждый классифицированный спектр</translation>
    </message>
    <message>
        <source>One self-contained web page to share: summary table and every page as an image</source>
        <translation>Одна автономная веб-страница для обмена: сводная таблица и все страницы в виде изображений</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Записано: %1</translation>
    </message>
    <message>
        <source>Detection uses the model&apos;s training background again</source>
        <translation>Обнаружение снова использует фон обучения модели</translation>
    </message>
    <message>
        <source>is a spectrum file of the open data set; choose another name</source>
        <translation>— файл спектра открытого набора данных; выберите другое имя</translation>
    </message>
    <message>
        <source>Cannot write the results: %1</source>
        <translation>Не удалось записать результаты: %1</translation>
    </message>
    <message>
        <source>Folder for the PDF Report</source>
        <translation>Папка для отчёта PDF</translation>
    </message>
    <message>
        <source>Folder for the HTML Report</source>
        <translation>Папка для отчёта HTML</translation>
    </message>
    <message>
        <source>%1: a %2 model (%3) does not analyse spectra; open it in its own workflow</source>
        <translation>%1: модель типа %2 (%3) не анализирует спектры; откройте её в соответствующем разделе</translation>
    </message>
    <message>
        <source>Session Background</source>
        <translation>Фон сеанса</translation>
    </message>
    <message>
        <source>Load or train a classifier and select the background spectra of this session first.</source>
        <translation>Сначала загрузите или обучите классификатор и выберите фоновые спектры этого сеанса.</translation>
    </message>
    <message>
        <source>selection</source>
        <translation>выделение</translation>
    </message>
    <message>
        <source>Session background: %1; classify again to use it</source>
        <translation>Фон сеанса: %1; классифицируйте снова, чтобы его применить</translation>
    </message>
    <message>
        <source>The classified spectra carry no labels (folder or file names).</source>
        <translation>У классифицированных спектров нет меток (имён папок или файлов).</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ManualWindow</name>
    <message>
        <source>Photopeak Manual</source>
        <translation>Руководство Photopeak</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Начало работы</translation>
    </message>
    <message>
        <source>Data browser</source>
        <translation>Обзор данных</translation>
    </message>
    <message>
        <source>Spectrum information panel</source>
        <translation>Панель сведений о спектре</translation>
    </message>
    <message>
        <source>Spectrum view</source>
        <translation>Окно спектра</translation>
    </message>
    <message>
        <source>Analysis menu</source>
        <translation>Меню «Анализ»</translation>
    </message>
    <message>
        <source>Results panel</source>
        <translation>Панель результатов</translation>
    </message>
    <message>
        <source>Training panel</source>
        <translation>Панель обучения</translation>
    </message>
    <message>
        <source>Model views</source>
        <translation>Представления модели</translation>
    </message>
    <message>
        <source>Live monitoring</source>
        <translation>Мониторинг в реальном времени</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Detector images</source>
        <translation>Изображения детектора</translation>
    </message>
    <message>
        <source>Event tables</source>
        <translation>Таблицы событий</translation>
    </message>
    <message>
        <source>Cosmic-ray hits</source>
        <translation>Следы космических лучей</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Command line (photopeak-cli)</source>
        <translation>Командная строка (photopeak-cli)</translation>
    </message>
    <message>
        <source>Batch runs on a cluster (SLURM)</source>
        <translation>Пакетная обработка на кластере (SLURM)</translation>
    </message>
    <message>
        <source>File formats</source>
        <translation>Форматы файлов</translation>
    </message>
    <message>
        <source>Safety of your files</source>
        <translation>Сохранность ваших файлов</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>The manual is missing from this build.</source>
        <translation>В этой сборке нет руководства.</translation>
    </message>
    <message>
        <source>Headings are shown in your language; the text of the manual is in English.</source>
        <translation>Заголовки показаны на вашем языке; текст руководства — на английском.</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::MeanSharesView</name>
    <message>
        <source>Save PNG…</source>
        <translation>Сохранить PNG…</translation>
    </message>
    <message>
        <source>Save this plot as a PNG image</source>
        <translation>Сохранить этот график как изображение PNG</translation>
    </message>
    <message>
        <source>Classify labelled spectra with a latent model to see its mean shares per true label.</source>
        <translation>Классифицируйте размеченные спектры латентной моделью, чтобы увидеть средние доли по истинным меткам.</translation>
    </message>
    <message>
        <source>Mean shares per true label</source>
        <translation>Средние доли по истинным меткам</translation>
    </message>
    <message>
        <source>No labelled spectra with latent scores.</source>
        <translation>Нет размеченных спектров с латентными вкладами.</translation>
    </message>
    <message>
        <source>Mean share of each component per true label (share = score / sum of scores)</source>
        <translation>Средняя доля каждой компоненты по истинной метке (доля = вклад / сумма вкладов)</translation>
    </message>
    <message>
        <source>background</source>
        <translation>фон</translation>
    </message>
    <message>
        <source>n = %1</source>
        <translation>n = %1</translation>
    </message>
    <message>
        <source>True label</source>
        <translation>Истинная метка</translation>
    </message>
    <message>
        <source>Mean share</source>
        <translation>Средняя доля</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::MisclassificationView</name>
    <message>
        <source>Quantity:</source>
        <translation>Величина:</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;No classified spectra&lt;/p&gt;&lt;p&gt;Evaluate a model on labelled spectra to see how accuracy depends on a confidence threshold.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Нет классифицированных спектров&lt;/p&gt;&lt;p&gt;Оцените модель на размеченных спектрах, чтобы увидеть, как доля верных ответов зависит от порога уверенности.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Уверенность</translation>
    </message>
    <message>
        <source>No spectra</source>
        <translation>Нет спектров</translation>
    </message>
    <message>
        <source>0 % of spectra classified</source>
        <translation>Классифицировано 0 % спектров</translation>
    </message>
    <message>
        <source>%1 % of spectra classified with accuracy %2 %</source>
        <translation>Классифицировано %1 %, доля верных %2 %</translation>
    </message>
    <message>
        <source>correct (upward)</source>
        <translation>верно (вверх)</translation>
    </message>
    <message>
        <source>wrong (downward)</source>
        <translation>неверно (вниз)</translation>
    </message>
    <message>
        <source>Spectra</source>
        <translation>Спектры</translation>
    </message>
    <message>
        <source>spectra kept (value ≥ threshold)</source>
        <translation>оставлено спектров (значение ≥ порога)</translation>
    </message>
    <message>
        <source>accuracy of the kept spectra</source>
        <translation>доля верных среди оставленных</translation>
    </message>
    <message>
        <source>Kept, accuracy (%)</source>
        <translation>Оставлено, доля верных (%)</translation>
    </message>
    <message>
        <source>%1 ≥ %2: %3</source>
        <translation>%1 ≥ %2: %3</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::MisclassifiedSpectraView</name>
    <message>
        <source>Misclassified spectrum: true labels → predicted</source>
        <translation>Ошибочный спектр: истинные метки → предсказанные</translation>
    </message>
    <message>
        <source>Show Spectrum</source>
        <translation>Показать спектр</translation>
    </message>
    <message>
        <source>Select this spectrum in the data browser</source>
        <translation>Выбрать этот спектр в обозревателе данных</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>Сохранить PNG…</translation>
    </message>
    <message>
        <source>Save this plot as a PNG image</source>
        <translation>Сохранить этот график как изображение PNG</translation>
    </message>
    <message>
        <source>Classify labelled spectra with a latent model to see the ones it got wrong.</source>
        <translation>Классифицируйте размеченные спектры латентной моделью, чтобы увидеть ошибочные.</translation>
    </message>
    <message>
        <source>Misclassified spectra</source>
        <translation>Ошибочно классифицированные спектры</translation>
    </message>
    <message>
        <source>All %1 labelled spectra were classified correctly.</source>
        <translation>Все %1 размеченных спектров классифицированы верно.</translation>
    </message>
    <message>
        <source>%1 of %2 wrong:</source>
        <translation>%1 из %2 ошибочны:</translation>
    </message>
    <message>
        <source>%1 — true %2 → predicted %3</source>
        <translation>%1 — истина %2 → предсказано %3</translation>
    </message>
    <message>
        <source>%1: true %2, predicted %3 · cosine similarity %4</source>
        <translation>%1: истина %2, предсказано %3 · косинусное сходство %4</translation>
    </message>
    <message>
        <source>Energy (keV)</source>
        <translation>Энергия (кэВ)</translation>
    </message>
    <message>
        <source>Fraction of counts per channel</source>
        <translation>Доля отсчётов на канал</translation>
    </message>
    <message>
        <source>spectrum</source>
        <translation>спектр</translation>
    </message>
    <message>
        <source>denoised</source>
        <translation>без шума</translation>
    </message>
    <message>
        <source>true and predicted</source>
        <translation>истинная и предсказанная</translation>
    </message>
    <message>
        <source>true, missed</source>
        <translation>истинная, пропущена</translation>
    </message>
    <message>
        <source>predicted, wrong</source>
        <translation>предсказана ошибочно</translation>
    </message>
    <message>
        <source>%1 (%2): score %3, share %4 %</source>
        <translation>%1 (%2): вклад %3, доля %4 %</translation>
    </message>
    <message>
        <source>Loading (area 1)</source>
        <translation>Нагрузка (площадь 1)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::NuclidePicker</name>
    <message>
        <source>&amp;Escape and sum lines</source>
        <translation>Линии &amp;вылета и суммирования</translation>
    </message>
    <message>
        <source>Search: Cs137, caesium, Cs, or an energy such as 662</source>
        <translation>Поиск: Cs137, цезий, Cs или энергия, например 662</translation>
    </message>
    <message>
        <source>Nuclide</source>
        <translation>Нуклид</translation>
    </message>
    <message>
        <source>Half-life</source>
        <translation>Период полураспада</translation>
    </message>
    <message>
        <source>Strongest lines (keV, per decay)</source>
        <translation>Сильнейшие линии (кэВ, на распад)</translation>
    </message>
    <message>
        <source>Single and double escape lines (E − 511, E − 1022 keV) above 1.1 MeV and the sum of the two strongest lines</source>
        <translation>Линии одиночного и двойного вылета (E − 511, E − 1022 кэВ) выше 1,1 МэВ и сумма двух сильнейших линий</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ParameterForm</name>
    <message>
        <source>Options</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>Show every option</source>
        <translation>Показать все параметры</translation>
    </message>
    <message>
        <source>Also show the options that are rarely changed (all of them are stored in the model).</source>
        <translation>Показать и редко изменяемые параметры (все они сохраняются в модели).</translation>
    </message>
    <message>
        <source>Command line: --%1; default %2.</source>
        <translation>Командная строка: --%1; по умолчанию %2.</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::PeakTableModel</name>
    <message>
        <source>ch %1</source>
        <translation>к %1</translation>
    </message>
    <message>
        <source>%1 ch</source>
        <translation>%1 к</translation>
    </message>
    <message>
        <source>%1 keV</source>
        <translation>%1 кэВ</translation>
    </message>
    <message>
        <source>%1 %2 keV</source>
        <translation>%1 %2 кэВ</translation>
    </message>
    <message>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Energy (keV)</source>
        <translation>Энергия (кэВ)</translation>
    </message>
    <message>
        <source>Centroid</source>
        <translation>Центроид</translation>
    </message>
    <message>
        <source>FWHM (keV)</source>
        <translation>ПШПВ (кэВ)</translation>
    </message>
    <message>
        <source>FWHM</source>
        <translation>ПШПВ</translation>
    </message>
    <message>
        <source>Net area</source>
        <translation>Чистая площадь</translation>
    </message>
    <message>
        <source>Signif. (σ)</source>
        <translation>Значим. (σ)</translation>
    </message>
    <message>
        <source>Continuum</source>
        <translation>Подложка</translation>
    </message>
    <message>
        <source>Assigned line</source>
        <translation>Назначенная линия</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Замечание</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::PlotExport</name>
    <message>
        <source>Save View as PNG</source>
        <translation>Сохранить вид как PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Язык системы (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>A change of language takes effect after a restart of Photopeak.</source>
        <translation>Смена языка вступит в силу после перезапуска Photopeak.</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ProblemText</name>
    <message>
        <source>all-zero</source>
        <translation>все нули</translation>
    </message>
    <message>
        <source>all counts are zero (aborted acquisition)</source>
        <translation>все отсчёты нулевые (прерванное измерение)</translation>
    </message>
    <message>
        <source>bad-live-time</source>
        <translation>неверное живое время</translation>
    </message>
    <message>
        <source>live time is zero, negative or not a number</source>
        <translation>живое время равно нулю, отрицательно или не является числом</translation>
    </message>
    <message>
        <source>slope-0</source>
        <translation>наклон 0</translation>
    </message>
    <message>
        <source>calibration slope is 0 or missing (.sps files get the default XGD calibration)</source>
        <translation>наклон калибровки равен 0 или отсутствует (файлам .sps назначается калибровка XGD по умолчанию)</translation>
    </message>
    <message>
        <source>bad-calibration</source>
        <translation>неверная калибровка</translation>
    </message>
    <message>
        <source>energy calibration is not valid</source>
        <translation>энергетическая калибровка недействительна</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>обрезан</translation>
    </message>
    <message>
        <source>file is shorter than its header says</source>
        <translation>файл короче, чем указано в его заголовке</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>не читается</translation>
    </message>
    <message>
        <source>file cannot be read</source>
        <translation>файл не удаётся прочитать</translation>
    </message>
    <message>
        <source>unknown-format</source>
        <translation>неизвестный формат</translation>
    </message>
    <message>
        <source>no reader understands this file</source>
        <translation>ни один модуль чтения не распознаёт этот файл</translation>
    </message>
    <message>
        <source>nan-counts</source>
        <translation>NaN в отсчётах</translation>
    </message>
    <message>
        <source>counts contain NaN or infinity, or their total is not finite</source>
        <translation>отсчёты содержат NaN или бесконечность, или их сумма не конечна</translation>
    </message>
    <message>
        <source>negative-counts</source>
        <translation>отрицательные отсчёты</translation>
    </message>
    <message>
        <source>counts contain negative values</source>
        <translation>отсчёты содержат отрицательные значения</translation>
    </message>
    <message>
        <source>no-live-time</source>
        <translation>нет живого времени</translation>
    </message>
    <message>
        <source>the file has no live time</source>
        <translation>в файле нет живого времени</translation>
    </message>
    <message>
        <source>distance-0</source>
        <translation>расстояние 0</translation>
    </message>
    <message>
        <source>source distance is 0 (unknown)</source>
        <translation>расстояние до источника равно 0 (неизвестно)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::RecentPathsMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние</translation>
    </message>
    <message>
        <source>No longer exists</source>
        <translation>Больше не существует</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Нет недавних файлов</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Очистить меню</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ReportDocument</name>
    <message>
        <source>not analysed</source>
        <translation>не проанализирован</translation>
    </message>
    <message>
        <source>Photopeak report</source>
        <translation>Отчёт Photopeak</translation>
    </message>
    <message>
        <source>cannot start the PDF</source>
        <translation>не удалось начать PDF</translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>Спектр</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Reported isotopes</source>
        <translation>Найденные изотопы</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message numerus="yes">
        <source>Photopeak report: %n spectra</source>
        <translation>
            <numerusform>Отчёт Photopeak: %n спектр</numerusform>
            <numerusform>Отчёт Photopeak: %n спектра</numerusform>
            <numerusform>Отчёт Photopeak: %n спектров</numerusform>
        </translation>
    </message>
    <message>
        <source>Summary, page %1 of %2 · %3</source>
        <translation>Сводка, страница %1 из %2 · %3</translation>
    </message>
    <message>
        <source>no report document is open</source>
        <translation>нет открытого документа отчёта</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ReportExporter</name>
    <message>
        <source>a report export is already running</source>
        <translation>экспорт отчётов уже выполняется</translation>
    </message>
    <message>
        <source>no spectra to export</source>
        <translation>нет спектров для экспорта</translation>
    </message>
    <message>
        <source>no output folder given</source>
        <translation>не указана папка для вывода</translation>
    </message>
    <message>
        <source>cannot create the output folder</source>
        <translation>не удаётся создать папку для вывода</translation>
    </message>
    <message>
        <source>Writing reports</source>
        <translation>Запись отчётов</translation>
    </message>
    <message>
        <source>Export cancelled after %1 of %2 spectra.</source>
        <translation>Экспорт отменён после %1 из %2 спектров.</translation>
    </message>
    <message>
        <source>%1: no spectrum for this result</source>
        <translation>%1: нет спектра для этого результата</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no channels to draw</source>
        <translation>%1: нет каналов для отображения</translation>
    </message>
    <message>
        <source>%1: nothing to draw</source>
        <translation>%1: нечего отображать</translation>
    </message>
    <message>
        <source>%1: cannot encode %2 as PNG</source>
        <translation>%1: не удаётся закодировать %2 в PNG</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ReportRenderer</name>
    <message>
        <source>Latent model</source>
        <translation>Латентная модель</translation>
    </message>
    <message>
        <source>Latent model: not drawn, the spectrum is outside its domain (%1).</source>
        <translation>Латентная модель: не показана, спектр вне её области применимости (%1).</translation>
    </message>
    <message>
        <source>The background could not be drawn on this axis.</source>
        <translation>Фон невозможно отобразить на этой оси.</translation>
    </message>
    <message>
        <source>No nuclide library (%1): isotope regions are not shaded.</source>
        <translation>Нет библиотеки нуклидов (%1): области изотопов не закрашены.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Результаты</translation>
    </message>
    <message>
        <source>This spectrum was not analysed.</source>
        <translation>Этот спектр не анализировался.</translation>
    </message>
    <message>
        <source>Source present</source>
        <translation>Источник присутствует</translation>
    </message>
    <message>
        <source>Background only</source>
        <translation>Только фон</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Пропущен</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Source probability</source>
        <translation>Вероятность источника</translation>
    </message>
    <message>
        <source>— (detection by the sigma test)</source>
        <translation>— (обнаружение по сигма-критерию)</translation>
    </message>
    <message>
        <source>Sigma test</source>
        <translation>Сигма-критерий</translation>
    </message>
    <message>
        <source>%1 σ over the reference background%2</source>
        <translation>%1 σ над опорным фоном%2</translation>
    </message>
    <message>
        <source> (source)</source>
        <translation> (источник)</translation>
    </message>
    <message>
        <source>Unknown isotope</source>
        <translation>Неизвестный изотоп</translation>
    </message>
    <message>
        <source>flagged: the spectrum is not explained by the model&apos;s isotopes</source>
        <translation>отмечен: спектр не объясняется изотопами модели</translation>
    </message>
    <message>
        <source>not flagged</source>
        <translation>не отмечен</translation>
    </message>
    <message>
        <source>The model has no isotope identification.</source>
        <translation>Модель не идентифицирует изотопы.</translation>
    </message>
    <message>
        <source>Isotope</source>
        <translation>Изотоп</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Вероятность</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Активность</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Обнаружен</translation>
    </message>
    <message>
        <source>&lt; %1 (MDA)</source>
        <translation>&lt; %1 (МДА)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message numerus="yes">
        <source>… %n more isotope(s) with lower probability</source>
        <translation>
            <numerusform>… ещё %n изотоп с меньшей вероятностью</numerusform>
            <numerusform>… ещё %n изотопа с меньшей вероятностью</numerusform>
            <numerusform>… ещё %n изотопов с меньшей вероятностью</numerusform>
        </translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>Спектр</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>Детектор</translation>
    </message>
    <message>
        <source> (%1 counts/s)</source>
        <translation> (%1 имп/с)</translation>
    </message>
    <message>
        <source>Total counts</source>
        <translation>Всего отсчётов</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Nuclide library %1</source>
        <translation>Библиотека нуклидов %1</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>Photopeak report · %1</source>
        <translation>Отчёт Photopeak · %1</translation>
    </message>
    <message>
        <source>Not analysed</source>
        <translation>Не анализировался</translation>
    </message>
    <message>
        <source>Source detected</source>
        <translation>Обнаружен источник</translation>
    </message>
    <message>
        <source>no isotope above the model&apos;s threshold</source>
        <translation>нет изотопов выше порога модели</translation>
    </message>
    <message>
        <source>unknown isotope flagged</source>
        <translation>отмечен неизвестный изотоп</translation>
    </message>
    <message>
        <source> (row %1)</source>
        <translation> (строка %1)</translation>
    </message>
    <message>
        <source>Photopeak %1 · %2</source>
        <translation>Photopeak %1 · %2</translation>
    </message>
    <message>
        <source>nothing to draw (no spectrum or an empty page size)</source>
        <translation>нечего отображать (нет спектра или нулевой размер страницы)</translation>
    </message>
    <message>
        <source>cannot encode the report as PNG</source>
        <translation>не удаётся закодировать отчёт в PNG</translation>
    </message>
    <message>
        <source>Shown up to %1 keV of %2 keV.</source>
        <translation>Показано до %1 кэВ из %2 кэВ.</translation>
    </message>
    <message>
        <source>%1 cm</source>
        <translation>%1 см</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source> (header: %1 cm)</source>
        <translation> (в заголовке: %1 см)</translation>
    </message>
    <message>
        <source>Distance used</source>
        <translation>Принятое расстояние</translation>
    </message>
    <message>
        <source>From the peaks</source>
        <translation>По пикам</translation>
    </message>
    <message>
        <source>Unknown (out of domain)</source>
        <translation>Неизвестно (вне области модели)</translation>
    </message>
    <message>
        <source>Model domain</source>
        <translation>Область модели</translation>
    </message>
    <message>
        <source>outside: %1</source>
        <translation>вне: %1</translation>
    </message>
    <message>
        <source>Detection threshold</source>
        <translation>Порог обнаружения</translation>
    </message>
    <message>
        <source>P(source) ≥ %1</source>
        <translation>P(источник) ≥ %1</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ResultEvaluation</name>
    <message>
        <source>Source probability</source>
        <translation>Вероятность источника</translation>
    </message>
    <message>
        <source>Total counts</source>
        <translation>Всего отсчётов</translation>
    </message>
    <message>
        <source>Certainty of the least certain isotope</source>
        <translation>Уверенность в наименее надёжном изотопе</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ResultsDock</name>
    <message>
        <source>Results</source>
        <translation>Результаты</translation>
    </message>
    <message>
        <source>Filter results (file, isotope, decision)…</source>
        <translation>Фильтр результатов (файл, изотоп, решение)…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Backgrounds</source>
        <translation>Только фон</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>Unknown isotope</source>
        <translation>Неизвестный изотоп</translation>
    </message>
    <message>
        <source>Show only some of the results</source>
        <translation>Показывать только часть результатов</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт CSV…</translation>
    </message>
    <message>
        <source>Write the results table (all rows, every column) to a CSV file</source>
        <translation>Записать таблицу результатов (все строки и столбцы) в файл CSV</translation>
    </message>
    <message>
        <source>PNG Reports…</source>
        <translation>Отчёты PNG…</translation>
    </message>
    <message>
        <source>Write one PNG report per classified spectrum to a folder</source>
        <translation>Записать в папку по одному отчёту PNG на каждый классифицированный спектр</translation>
    </message>
    <message>
        <source>No results yet: train or load a model, then Analysis ▸ Classify.</source>
        <translation>Результатов пока нет: обучите или загрузите модель, затем Анализ ▸ Классифицировать.</translation>
    </message>
    <message>
        <source>%1 spectra: %2 source, %3 background, %4 skipped</source>
        <translation>Спектров: %1; источник: %2, фон: %3, пропущено: %4</translation>
    </message>
    <message>
        <source>, %1 with an unknown isotope</source>
        <translation>, с неизвестным изотопом: %1</translation>
    </message>
    <message>
        <source> (%1 shown)</source>
        <translation> (показано: %1)</translation>
    </message>
    <message>
        <source>, &lt;b&gt;%1 out of the model&apos;s domain&lt;/b&gt; (unknown, peak evidence shown)</source>
        <translation>, &lt;b&gt;%1 вне области модели&lt;/b&gt; (неизвестно, показаны признаки пиков)</translation>
    </message>
    <message>
        <source> · detection threshold P(source) ≥ %1 %</source>
        <translation> · порог обнаружения P(источник) ≥ %1 %</translation>
    </message>
    <message>
        <source> · training background</source>
        <translation> · фон обучения</translation>
    </message>
    <message>
        <source> · &lt;b&gt;session background&lt;/b&gt; %1</source>
        <translation> · &lt;b&gt;фон сеанса&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ResultsModel</name>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Фон</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Пропущен</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <translation>&lt; %1</translation>
    </message>
    <message>
        <source>Not detected; minimum detectable activity %1</source>
        <translation>Не обнаружен; минимальная детектируемая активность %1</translation>
    </message>
    <message>
        <source>%1 σ</source>
        <translation>%1 σ</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестен</translation>
    </message>
    <message>
        <source>The latent model fits this spectrum worse than any training spectrum: an isotope it does not know may be present.</source>
        <translation>Латентная модель описывает этот спектр хуже, чем любой обучающий спектр: возможно, присутствует неизвестный ей изотоп.</translation>
    </message>
    <message>
        <source>P(%1)</source>
        <translation>P(%1)</translation>
    </message>
    <message>
        <source>Calibrated probability that %1 is present</source>
        <translation>Калиброванная вероятность присутствия %1</translation>
    </message>
    <message>
        <source>A(%1)</source>
        <translation>A(%1)</translation>
    </message>
    <message>
        <source>Activity of %1 ± 1σ, or the detection limit when not detected</source>
        <translation>Активность %1 ± 1σ или предел обнаружения, если не обнаружен</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>P(source)</source>
        <translation>P(источник)</translation>
    </message>
    <message>
        <source>Calibrated probability that a source is present (or the sigma-test significance when detection is the sigma test)</source>
        <translation>Калиброванная вероятность присутствия источника (или значимость по сигма-критерию, если обнаружение — по сигма-критерию)</translation>
    </message>
    <message>
        <source>Isotopes</source>
        <translation>Изотопы</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизв.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>Classical identification from the fitted peaks (score 0–1): %1</source>
        <translation>Классическая идентификация по аппроксимированным пикам (оценка 0–1): %1</translation>
    </message>
    <message>
        <source>From peaks</source>
        <translation>По пикам</translation>
    </message>
    <message>
        <source>Nuclides ranked from the fitted peaks (energies and line ratios), beside the model&apos;s result</source>
        <translation>Нуклиды, ранжированные по аппроксимированным пикам (энергии и отношения интенсивностей линий), рядом с результатом модели</translation>
    </message>
    <message>
        <source>Unknown (out of domain)</source>
        <translation>Неизвестно (вне области модели)</translation>
    </message>
    <message>
        <source>Probability of %1 if a source were present; this spectrum is not called a source</source>
        <translation>Вероятность %1, если бы источник присутствовал; этот спектр не признан источником</translation>
    </message>
    <message>
        <source>Probability of %1 given the detected source</source>
        <translation>Вероятность %1 при обнаруженном источнике</translation>
    </message>
    <message>
        <source>Outside what the model was trained for: %1. The classical peak evidence is shown instead.</source>
        <translation>Вне того, на чём обучена модель: %1. Вместо этого показаны классические признаки пиков.</translation>
    </message>
    <message>
        <source>Detection threshold: P(source) ≥ %1 %
Excess test: %2 (best template %3)
Sigma test: %4 σ excess over the reference background</source>
        <translation>Порог обнаружения: P(источник) ≥ %1 %
Тест превышения: %2 (лучший шаблон %3)
Сигма-тест: превышение %4 σ над опорным фоном</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::RocCurveView</name>
    <message>
        <source>false-positive rate</source>
        <translation>доля ложных срабатываний</translation>
    </message>
    <message>
        <source>true-positive rate (%1 found)</source>
        <translation>доля истинных срабатываний (найдено %1)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::RoiTableModel</name>
    <message>
        <source>%1 – %2 keV</source>
        <translation>%1 – %2 кэВ</translation>
    </message>
    <message>
        <source>ch %1 – %2</source>
        <translation>к %1 – %2</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Диапазон</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Чистые</translation>
    </message>
    <message>
        <source>Net rate (1/s)</source>
        <translation>Чистая скорость (1/с)</translation>
    </message>
    <message>
        <source>Centroid (keV)</source>
        <translation>Центроид (кэВ)</translation>
    </message>
    <message>
        <source>Centroid (ch)</source>
        <translation>Центроид (к)</translation>
    </message>
    <message>
        <source>FWHM (keV)</source>
        <translation>ПШПВ (кэВ)</translation>
    </message>
    <message>
        <source>FWHM (ch)</source>
        <translation>ПШПВ (к)</translation>
    </message>
    <message>
        <source>ROI %1: gross %2, net %3</source>
        <translation>ОИ %1: всего %2, чистые %3</translation>
    </message>
    <message>
        <source>, %1 counts/s</source>
        <translation>, %1 отсчётов/с</translation>
    </message>
    <message>
        <source>, centroid %1, FWHM %2</source>
        <translation>, центроид %1, ПШПВ %2</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::SpectrumAnnotations</name>
    <message>
        <source>Hydrogen</source>
        <translation>Водород</translation>
    </message>
    <message>
        <source>Beryllium</source>
        <translation>Бериллий</translation>
    </message>
    <message>
        <source>Carbon</source>
        <translation>Углерод</translation>
    </message>
    <message>
        <source>Nitrogen</source>
        <translation>Азот</translation>
    </message>
    <message>
        <source>Oxygen</source>
        <translation>Кислород</translation>
    </message>
    <message>
        <source>Fluorine</source>
        <translation>Фтор</translation>
    </message>
    <message>
        <source>Sodium</source>
        <translation>Натрий</translation>
    </message>
    <message>
        <source>Phosphorus</source>
        <translation>Фосфор</translation>
    </message>
    <message>
        <source>Potassium</source>
        <translation>Калий</translation>
    </message>
    <message>
        <source>Scandium</source>
        <translation>Скандий</translation>
    </message>
    <message>
        <source>Chromium</source>
        <translation>Хром</translation>
    </message>
    <message>
        <source>Manganese</source>
        <translation>Марганец</translation>
    </message>
    <message>
        <source>Iron</source>
        <translation>Железо</translation>
    </message>
    <message>
        <source>Cobalt</source>
        <translation>Кобальт</translation>
    </message>
    <message>
        <source>Nickel</source>
        <translation>Никель</translation>
    </message>
    <message>
        <source>Copper</source>
        <translation>Медь</translation>
    </message>
    <message>
        <source>Zinc</source>
        <translation>Цинк</translation>
    </message>
    <message>
        <source>Gallium</source>
        <translation>Галлий</translation>
    </message>
    <message>
        <source>Germanium</source>
        <translation>Германий</translation>
    </message>
    <message>
        <source>Selenium</source>
        <translation>Селен</translation>
    </message>
    <message>
        <source>Krypton</source>
        <translation>Криптон</translation>
    </message>
    <message>
        <source>Rubidium</source>
        <translation>Рубидий</translation>
    </message>
    <message>
        <source>Strontium</source>
        <translation>Стронций</translation>
    </message>
    <message>
        <source>Yttrium</source>
        <translation>Иттрий</translation>
    </message>
    <message>
        <source>Zirconium</source>
        <translation>Цирконий</translation>
    </message>
    <message>
        <source>Niobium</source>
        <translation>Ниобий</translation>
    </message>
    <message>
        <source>Molybdenum</source>
        <translation>Молибден</translation>
    </message>
    <message>
        <source>Technetium</source>
        <translation>Технеций</translation>
    </message>
    <message>
        <source>Ruthenium</source>
        <translation>Рутений</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Серебро</translation>
    </message>
    <message>
        <source>Cadmium</source>
        <translation>Кадмий</translation>
    </message>
    <message>
        <source>Indium</source>
        <translation>Индий</translation>
    </message>
    <message>
        <source>Tin</source>
        <translation>Олово</translation>
    </message>
    <message>
        <source>Antimony</source>
        <translation>Сурьма</translation>
    </message>
    <message>
        <source>Tellurium</source>
        <translation>Теллур</translation>
    </message>
    <message>
        <source>Iodine</source>
        <translation>Йод</translation>
    </message>
    <message>
        <source>Xenon</source>
        <translation>Ксенон</translation>
    </message>
    <message>
        <source>Caesium</source>
        <translation>Цезий</translation>
    </message>
    <message>
        <source>Barium</source>
        <translation>Барий</translation>
    </message>
    <message>
        <source>Lanthanum</source>
        <translation>Лантан</translation>
    </message>
    <message>
        <source>Cerium</source>
        <translation>Церий</translation>
    </message>
    <message>
        <source>Promethium</source>
        <translation>Прометий</translation>
    </message>
    <message>
        <source>Samarium</source>
        <translation>Самарий</translation>
    </message>
    <message>
        <source>Europium</source>
        <translation>Европий</translation>
    </message>
    <message>
        <source>Gadolinium</source>
        <translation>Гадолиний</translation>
    </message>
    <message>
        <source>Terbium</source>
        <translation>Тербий</translation>
    </message>
    <message>
        <source>Holmium</source>
        <translation>Гольмий</translation>
    </message>
    <message>
        <source>Ytterbium</source>
        <translation>Иттербий</translation>
    </message>
    <message>
        <source>Lutetium</source>
        <translation>Лютеций</translation>
    </message>
    <message>
        <source>Hafnium</source>
        <translation>Гафний</translation>
    </message>
    <message>
        <source>Tantalum</source>
        <translation>Тантал</translation>
    </message>
    <message>
        <source>Iridium</source>
        <translation>Иридий</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Золото</translation>
    </message>
    <message>
        <source>Mercury</source>
        <translation>Ртуть</translation>
    </message>
    <message>
        <source>Thallium</source>
        <translation>Таллий</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Свинец</translation>
    </message>
    <message>
        <source>Bismuth</source>
        <translation>Висмут</translation>
    </message>
    <message>
        <source>Polonium</source>
        <translation>Полоний</translation>
    </message>
    <message>
        <source>Radon</source>
        <translation>Радон</translation>
    </message>
    <message>
        <source>Radium</source>
        <translation>Радий</translation>
    </message>
    <message>
        <source>Actinium</source>
        <translation>Актиний</translation>
    </message>
    <message>
        <source>Thorium</source>
        <translation>Торий</translation>
    </message>
    <message>
        <source>Protactinium</source>
        <translation>Протактиний</translation>
    </message>
    <message>
        <source>Uranium</source>
        <translation>Уран</translation>
    </message>
    <message>
        <source>Neptunium</source>
        <translation>Нептуний</translation>
    </message>
    <message>
        <source>Plutonium</source>
        <translation>Плутоний</translation>
    </message>
    <message>
        <source>Americium</source>
        <translation>Америций</translation>
    </message>
    <message>
        <source>Curium</source>
        <translation>Кюрий</translation>
    </message>
    <message>
        <source>Californium</source>
        <translation>Калифорний</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Continuum</source>
        <translation>Континуум</translation>
    </message>
    <message>
        <source>Peak fit</source>
        <translation>Аппроксимация пика</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Background (count rate)</source>
        <translation>Фон (скорость счёта)</translation>
    </message>
    <message>
        <source>Background (scaled to live time)</source>
        <translation>Фон (приведён к живому времени)</translation>
    </message>
    <message>
        <source>%1-%2%3</source>
        <translation>%1-%2%3</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>н/д</translation>
    </message>
    <message>
        <source>&lt; 1 %</source>
        <translation>&lt; 1 %</translation>
    </message>
    <message>
        <source>&gt; 99 %</source>
        <translation>&gt; 99 %</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Bq</source>
        <translation>Бк</translation>
    </message>
    <message>
        <source>kBq</source>
        <translation>кБк</translation>
    </message>
    <message>
        <source>MBq</source>
        <translation>МБк</translation>
    </message>
    <message>
        <source>GBq</source>
        <translation>ГБк</translation>
    </message>
    <message>
        <source>TBq</source>
        <translation>ТБк</translation>
    </message>
    <message>
        <source>%1 ± %2 %3</source>
        <translation>%1 ± %2 %3</translation>
    </message>
    <message>
        <source>~%1</source>
        <translation>~%1</translation>
    </message>
    <message>
        <source>E = %1 keV</source>
        <translation>E = %1 кэВ</translation>
    </message>
    <message>
        <source> (%1 – %2 keV)</source>
        <translation> (%1 – %2 кэВ)</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <source>Live time</source>
        <translation>Живое время</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>не записано</translation>
    </message>
    <message>
        <source> (dead time %1 %)</source>
        <translation> (мёртвое время %1 %)</translation>
    </message>
    <message>
        <source>Real time</source>
        <translation>Реальное время</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Расстояние</translation>
    </message>
    <message>
        <source>%1 cm</source>
        <translation>%1 см</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Калибровка</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Время начала</translation>
    </message>
    <message>
        <source>ch</source>
        <comment>channel number in an energy calibration formula</comment>
        <translation>кан</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::SpectrumInfoPanel</name>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <source>Live time</source>
        <translation>Живое время</translation>
    </message>
    <message>
        <source>Real time</source>
        <translation>Реальное время</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Расстояние</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Калибровка</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>Детектор</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Total counts</source>
        <translation>Всего отсчётов</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Флаги</translation>
    </message>
    <message>
        <source>No spectrum selected</source>
        <translation>Спектр не выбран</translation>
    </message>
    <message numerus="yes">
        <source>(current of %n selected)</source>
        <translation>
            <numerusform>(текущий из %n выбранного)</numerusform>
            <numerusform>(текущий из %n выбранных)</numerusform>
            <numerusform>(текущий из %n выбранных)</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 – %2 keV)</source>
        <translation> (%1 – %2 кэВ)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>не записано</translation>
    </message>
    <message>
        <source> (dead time %1 %)</source>
        <translation> (мёртвое время %1 %)</translation>
    </message>
    <message>
        <source>%1 cm</source>
        <translation>%1 см</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source> (%1 counts/s)</source>
        <translation> (%1 имп/с)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::SpectrumPlotter</name>
    <message>
        <source>Energy (keV)</source>
        <translation>Энергия (кэВ)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Count rate (counts/s per channel)</source>
        <translation>Скорость счёта (имп/с на канал)</translation>
    </message>
    <message>
        <source>Counts per channel</source>
        <translation>Отсчётов на канал</translation>
    </message>
    <message numerus="yes">
        <source>%n selected spectra have no counts to draw.</source>
        <translation>
            <numerusform>%n выбранный спектр не содержит отсчётов.</numerusform>
            <numerusform>%n выбранных спектра не содержат отсчётов.</numerusform>
            <numerusform>%n выбранных спектров не содержат отсчётов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the first %1 of the selected spectra.</source>
        <translation>Показаны первые %1 из выбранных спектров.</translation>
    </message>
    <message>
        <source>Count rate needs a live time; showing counts.</source>
        <translation>Для скорости счёта нужно живое время; показаны отсчёты.</translation>
    </message>
    <message>
        <source>No valid energy calibration; showing channels.</source>
        <translation>Нет действительной энергетической калибровки; показаны каналы.</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::SpectrumView</name>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;No spectrum shown&lt;/p&gt;&lt;p&gt;Open a file (Ctrl+O) or a folder (Ctrl+Shift+O), or drop them on the window.&lt;br&gt;Then select rows in the data browser; several selected rows overlay.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Спектр не показан&lt;/p&gt;&lt;p&gt;Откройте файл (Ctrl+O) или папку (Ctrl+Shift+O) либо перетащите их в окно.&lt;br&gt;Затем выберите строки в обозревателе данных; спектры нескольких выбранных строк накладываются.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 keV</source>
        <translation>%1 кэВ</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>канал %1</translation>
    </message>
    <message>
        <source>counts/s</source>
        <translation>имп/с</translation>
    </message>
    <message>
        <source>counts</source>
        <translation>отсч.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#808080&apos;&gt;Wheel or drag: zoom · middle-drag: pan · Home: full range · double-click: fit peak · Ctrl+drag: fit peaks · Shift+drag: remove peaks · Alt+drag: ROI · right-click: menu&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#808080&apos;&gt;Колесо или протяжка: масштаб · средняя кнопка: сдвиг · Home: весь диапазон · двойной щелчок: подогнать пик · Ctrl+протяжка: подогнать пики · Shift+протяжка: удалить пики · Alt+протяжка: ОИ · правый щелчок: меню&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::TablesPanel</name>
    <message>
        <source>Open…</source>
        <translation>Открыть…</translation>
    </message>
    <message>
        <source>No table file open</source>
        <translation>Файл таблицы не открыт</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Таблица:</translation>
    </message>
    <message>
        <source>Tables joined on event_id (first row per event); their columns are named &lt;table&gt;.&lt;column&gt;</source>
        <translation>Таблицы объединены по event_id (первая строка каждого события); их столбцы названы &lt;таблица&gt;.&lt;столбец&gt;</translation>
    </message>
    <message>
        <source>Join on event_id:</source>
        <translation>Объединить по event_id:</translation>
    </message>
    <message>
        <source>vs</source>
        <translation>против</translation>
    </message>
    <message>
        <source>e.g. energy &gt; 10 (empty: every row)</source>
        <translation>например, energy &gt; 10 (пусто: все строки)</translation>
    </message>
    <message>
        <source>Downsample to the smaller class</source>
        <translation>Прорядить до меньшего класса</translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation>Веса классов</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Label (positive when true):</source>
        <translation>Метка (положительная, когда истинно):</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>Классы:</translation>
    </message>
    <message>
        <source>Cut:</source>
        <translation>Отбор:</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>Баланс:</translation>
    </message>
    <message>
        <source>Normalise:</source>
        <translation>Нормировка:</translation>
    </message>
    <message>
        <source>Learner:</source>
        <translation>Метод обучения:</translation>
    </message>
    <message>
        <source>Train (grouped cross-validation)</source>
        <translation>Обучить (групповая перекрёстная проверка)</translation>
    </message>
    <message>
        <source>Export view as PNG…</source>
        <translation>Экспорт вида в PNG…</translation>
    </message>
    <message>
        <source>Histogram by class</source>
        <translation>Гистограмма по классам</translation>
    </message>
    <message>
        <source>cut, e.g. energy &gt; 10</source>
        <translation>отбор, например energy &gt; 10</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>2-D histogram (asinh)</source>
        <translation>2-D гистограмма (asinh)</translation>
    </message>
    <message>
        <source>scatter by class</source>
        <translation>точки по классам</translation>
    </message>
    <message>
        <source>2-D histogram / scatter</source>
        <translation>2-D гистограмма / точки</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC-кривая</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Матрица ошибок</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Важность</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Экспорт вида</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>Training: %1 %2 of %3</source>
        <translation>Обучение: %1 %2 из %3</translation>
    </message>
    <message>
        <source>Event tables</source>
        <translation>Таблицы событий</translation>
    </message>
    <message>
        <source>Open event table</source>
        <translation>Открыть таблицу событий</translation>
    </message>
    <message>
        <source>HDF5 tables (*.h5 *.hdf5 *.hdf);;All files (*)</source>
        <translation>Таблицы HDF5 (*.h5 *.hdf5 *.hdf);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 rows; training reads all of them from the file.</source>
        <translation>Показаны первые %1 из %2 строк; обучение читает их все из файла.</translation>
    </message>
    <message>
        <source>all events</source>
        <translation>все события</translation>
    </message>
    <message>
        <source>Tick at least one feature column.</source>
        <translation>Отметьте хотя бы один столбец признаков.</translation>
    </message>
    <message>
        <source>Training %1 on %2 features…</source>
        <translation>Обучение %1 на %2 признаках…</translation>
    </message>
    <message>
        <source>cross-validated</source>
        <translation>перекрёстная проверка</translation>
    </message>
    <message>
        <source>held-out</source>
        <translation>отложенные</translation>
    </message>
    <message>
        <source>linear weight on the normalised feature</source>
        <translation>линейный вес нормированного признака</translation>
    </message>
    <message>
        <source>permutation importance (ROC AUC drop)</source>
        <translation>перестановочная важность (падение ROC AUC)</translation>
    </message>
    <message>
        <source>Trained: cross-validated ROC AUC %1%2</source>
        <translation>Обучено: ROC AUC при перекрёстной проверке %1%2</translation>
    </message>
    <message>
        <source>, held-out %1</source>
        <translation>, на отложенных %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a column of %2: tick %2 under &quot;Join on event_id&quot; and write %3%1.</source>
        <translation>«%1» — столбец таблицы %2: отметьте %2 в «Объединить по event_id» и пишите %3%1.</translation>
    </message>
    <message>
        <source>Held-out test events (%1)</source>
        <translation>Отложенные тестовые события (%1)</translation>
    </message>
    <message>
        <source>Cross-validated training events (%1)</source>
        <translation>Обучающие события, перекрёстная проверка (%1)</translation>
    </message>
    <message>
        <source>, weighted</source>
        <translation>, взвешенные</translation>
    </message>
    <message>
        <source>accuracy %1, balanced accuracy %2; %3: precision %4, recall %5; %6: precision %7, recall %8</source>
        <translation>точность %1, сбалансированная точность %2; %3: прецизионность %4, полнота %5; %6: прецизионность %7, полнота %8</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::TaskProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::TrainingDataSelector</name>
    <message>
        <source>Training data</source>
        <translation>Обучающие данные</translation>
    </message>
    <message>
        <source>Label set</source>
        <translation>Набор меток</translation>
    </message>
    <message>
        <source>Label sets of the loaded spectra (from folder and file names or HDF5 label columns). Only checked label sets are trained on.
Latent decomposition: every checked single label becomes a component.</source>
        <translation>Наборы меток загруженных спектров (из имён папок и файлов или из столбцов меток HDF5). Обучение идёт только на отмеченных наборах.
Латентное разложение: каждая отмеченная одиночная метка становится компонентой.</translation>
    </message>
    <message>
        <source>Folder or file</source>
        <translation>Папка или файл</translation>
    </message>
    <message>
        <source>Top folders (or files opened alone, e.g. HDF5 tables) of the loaded data. Only spectra in checked folders are trained on.</source>
        <translation>Папки верхнего уровня (или отдельно открытые файлы, напр. таблицы HDF5) загруженных данных. Обучение идёт только на спектрах из отмеченных папок.</translation>
    </message>
    <message>
        <source>Which label set means background. Spectra labelled background (folders named bkg, bkgs or background) always do; choose another set, e.g. (unlabelled), to use it as background as well.</source>
        <translation>Какой набор меток означает фон. Спектры с меткой background (папки bkg, bkgs или background) — фон всегда; выберите другой набор, напр. (без меток), чтобы тоже использовать его как фон.</translation>
    </message>
    <message>
        <source>Background:</source>
        <translation>Фон:</translation>
    </message>
    <message>
        <source>(unlabelled)</source>
        <translation>(без меток)</translation>
    </message>
    <message>
        <source>(no folder)</source>
        <translation>(без папки)</translation>
    </message>
    <message>
        <source>background</source>
        <translation>фон</translation>
    </message>
    <message>
        <source>No spectra loaded: open files or folders first.</source>
        <translation>Спектры не загружены: сначала откройте файлы или папки.</translation>
    </message>
    <message>
        <source>%1 of %2 usable spectra selected (%3 files or rows loaded).</source>
        <translation>Выбрано %1 из %2 пригодных спектров (загружено файлов или строк: %3).</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::TrainingPanel</name>
    <message>
        <source>Detection and identification</source>
        <translation>Обнаружение и идентификация</translation>
    </message>
    <message>
        <source>Latent decomposition</source>
        <translation>Латентное разложение</translation>
    </message>
    <message>
        <source>Detection and identification: a calibrated source detector and one classifier per isotope (photopeak-cli train).
Latent decomposition: one loading per component, spectra decomposed by non-negative least squares (photopeak-cli latent train).</source>
        <translation>Обнаружение и идентификация: калиброванный классификатор «источник / фон» и по одному классификатору на изотоп (photopeak-cli train).
Латентное разложение: по одной нагрузке на компоненту, спектры раскладываются неотрицательным методом наименьших квадратов (photopeak-cli latent train).</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Задача:</translation>
    </message>
    <message>
        <source>Energy grid: %1</source>
        <translation>Энергетическая сетка: %1</translation>
    </message>
    <message>
        <source>Every spectrum is rebinned count-conserving onto this grid before the features are computed.</source>
        <translation>Перед вычислением признаков каждый спектр перебинируется на эту сетку с сохранением числа отсчётов.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Ошибка обучения: %1</translation>
    </message>
    <message>
        <source>Training cancelled.</source>
        <translation>Обучение отменено.</translation>
    </message>
    <message>
        <source>Load spectra to train on.</source>
        <translation>Загрузите спектры для обучения.</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <source>training panel</source>
        <translation>панель обучения</translation>
    </message>
    <message>
        <source>Nothing to train on: load spectra and check at least one label set and folder.</source>
        <translation>Не на чем обучать: загрузите спектры и отметьте хотя бы один набор меток и одну папку.</translation>
    </message>
    <message>
        <source>No components: check at least one single-label set.</source>
        <translation>Нет компонент: отметьте хотя бы один набор из одной метки.</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Обучение…</translation>
    </message>
    <message>
        <source>Training: %1…</source>
        <translation>Обучение: %1…</translation>
    </message>
    <message>
        <source>Trained on %1 spectra in %2 s.</source>
        <translation>Обучение завершено: спектров %1, время %2 с.</translation>
    </message>
    <message>
        <source>%1 selected spectra could not be prepared:</source>
        <translation>Не удалось подготовить выбранные спектры (%1):</translation>
    </message>
    <message>
        <source>no model of this task to save</source>
        <translation>нет модели этой задачи для сохранения</translation>
    </message>
    <message>
        <source>is one of the training files; choose another name</source>
        <translation>это один из обучающих файлов; выберите другое имя</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>Сохранить модель</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Сохранено: %1.</translation>
    </message>
    <message>
        <source>Loaded %1.</source>
        <translation>Загружено: %1.</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>Загрузить модель</translation>
    </message>
    <message>
        <source>Latent models (*.ppmodel *.json);;All files (*)</source>
        <translation>Латентные модели (*.ppmodel *.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Classifier models (*.json);;All files (*)</source>
        <translation>Модели классификатора (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Model files (*.json *.ppmodel);;All files (*)</source>
        <translation>Файлы моделей (*.json *.ppmodel);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::TrainingRunView</name>
    <message>
        <source>Train</source>
        <translation>Обучить</translation>
    </message>
    <message>
        <source>Train a model of the chosen task on the selected spectra, in the background.</source>
        <translation>Обучить модель выбранной задачи на выбранных спектрах в фоновом режиме.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop the training; nothing is kept.</source>
        <translation>Остановить обучение; ничего не сохраняется.</translation>
    </message>
    <message>
        <source>Load spectra to train on.</source>
        <translation>Загрузите спектры для обучения.</translation>
    </message>
    <message>
        <source>Out-of-fold figures of grouped cross-validation (spectra of one acquisition series are never split between training and validation).</source>
        <translation>Показатели вне блока по групповой перекрёстной проверке (спектры одной серии измерений никогда не делятся между обучением и проверкой).</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>The report of the trained or loaded model appears here.</source>
        <translation>Здесь появится отчёт обученной или загруженной модели.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>Сохранить модель…</translation>
    </message>
    <message>
        <source>Write the current model of this task to a model file.</source>
        <translation>Записать текущую модель этой задачи в файл модели.</translation>
    </message>
    <message>
        <source>Load model…</source>
        <translation>Загрузить модель…</translation>
    </message>
    <message>
        <source>Read a model file of this task; files of another kind or version are refused.</source>
        <translation>Прочитать файл модели этой задачи; файлы другого типа или версии отклоняются.</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>Accuracy %</source>
        <translation>Доля верных, %</translation>
    </message>
    <message>
        <source>Recall %</source>
        <translation>Полнота, %</translation>
    </message>
    <message>
        <source>False pos. %</source>
        <translation>Ложн. срабат., %</translation>
    </message>
    <message>
        <source>Log-loss</source>
        <translation>Лог-потери</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Компонента</translation>
    </message>
    <message>
        <source>Spectra</source>
        <translation>Спектры</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::UndoActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Отменить: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Повторить: %1</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ViewActions</name>
    <message>
        <source>&amp;Logarithmic Y Axis</source>
        <translation>&amp;Логарифмическая ось Y</translation>
    </message>
    <message>
        <source>C&amp;ounts</source>
        <translation>&amp;Отсчёты</translation>
    </message>
    <message>
        <source>Count &amp;Rate</source>
        <translation>&amp;Скорость счёта</translation>
    </message>
    <message>
        <source>&amp;Energy Axis (keV)</source>
        <translation>&amp;Энергетическая ось (кэВ)</translation>
    </message>
    <message>
        <source>C&amp;hannel Axis</source>
        <translation>Ось &amp;каналов</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>Сбросить &amp;масштаб</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Лог</translation>
    </message>
    <message>
        <source>Logarithmic or linear y axis (Ctrl+L)</source>
        <translation>Логарифмическая или линейная ось Y (Ctrl+L)</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Отсчёты</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <source>Counts per channel (Ctrl+1)</source>
        <translation>Отсчёты на канал (Ctrl+1)</translation>
    </message>
    <message>
        <source>Counts per second of live time (Ctrl+2); needs a live time</source>
        <translation>Отсчёты в секунду живого времени (Ctrl+2); нужно живое время</translation>
    </message>
    <message>
        <source>keV</source>
        <translation>кэВ</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Energy on the x axis (Ctrl+E)</source>
        <translation>Энергия по оси X (Ctrl+E)</translation>
    </message>
    <message>
        <source>Channel number on the x axis (Ctrl+Shift+E)</source>
        <translation>Номер канала по оси X (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Full Range</source>
        <translation>Весь диапазон</translation>
    </message>
    <message>
        <source>Show the whole spectrum (Ctrl+0, Home, or double-click the plot)</source>
        <translation>Показать весь спектр (Ctrl+0, Home или двойной щелчок по графику)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::modelplot::PlotFrame</name>
    <message>
        <source>Save PNG…</source>
        <translation>Сохранить PNG…</translation>
    </message>
    <message>
        <source>Save this plot as a PNG image</source>
        <translation>Сохранить этот график как изображение PNG</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LatentReportPage</name>
    <message>
        <source>Photopeak report · %1</source>
        <translation>Отчёт Photopeak · %1</translation>
    </message>
    <message>
        <source>Latent model</source>
        <translation>Латентная модель</translation>
    </message>
    <message>
        <source>Latent model: %1</source>
        <translation>Латентная модель: %1</translation>
    </message>
    <message>
        <source>No latent model.</source>
        <translation>Нет латентной модели.</translation>
    </message>
    <message>
        <source>Components %1 · decision %2 · %3 labelled spectra analysed by the model, %4 misclassified</source>
        <translation>Компоненты %1 · решение %2 · %3 размеченных спектров проанализировано моделью, %4 классифицировано ошибочно</translation>
    </message>
    <message>
        <source>Mean shares per true label: no labelled spectra were analysed by the latent model in this batch.</source>
        <translation>Средние доли по истинной метке: в этом пакете латентная модель не анализировала размеченных спектров.</translation>
    </message>
    <message>
        <source>Misclassified spectra: none; all %1 labelled spectra were classified correctly.</source>
        <translation>Ошибочно классифицированные спектры: нет; все %1 размеченных спектров классифицированы верно.</translation>
    </message>
    <message>
        <source>Misclassified spectra: no labelled spectra were analysed by the latent model in this batch.</source>
        <translation>Ошибочно классифицированные спектры: в этом пакете латентная модель не анализировала размеченных спектров.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Parameters</name>
    <message>
        <source>Method and features</source>
        <translation>Methode und Merkmale</translation>
    </message>
    <message>
        <source>Synthetic spectra</source>
        <translation>Synthetische Spektren</translation>
    </message>
    <message>
        <source>Validation and calibration</source>
        <translation>Validierung und Kalibrierung</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>Logistische Regression</translation>
    </message>
    <message>
        <source>RBF SVM</source>
        <translation>RBF-SVM</translation>
    </message>
    <message>
        <source>Linear SVM</source>
        <translation>Lineare SVM</translation>
    </message>
    <message>
        <source>Random forest</source>
        <translation>Random Forest</translation>
    </message>
    <message>
        <source>Sigma test (no learning)</source>
        <translation>Sigma-Test (ohne Lernen)</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>How a spectrum is called a source: a calibrated learner, or the sigma test (counts above the mean training background by more than k standard deviations, no learning).</source>
        <translation>Wie ein Spektrum als Quelle gilt: ein kalibriertes Lernverfahren oder der Sigma-Test (Zählungen über dem mittleren Trainingsuntergrund um mehr als k Standardabweichungen, ohne Lernen).</translation>
    </message>
    <message>
        <source>Identify isotopes</source>
        <translation>Isotope identifizieren</translation>
    </message>
    <message>
        <source>Train one calibrated one-vs-rest classifier per isotope (off: detection only).</source>
        <translation>Einen kalibrierten One-vs-Rest-Klassifikator je Isotop trainieren (aus: nur Nachweis).</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>Identifikation</translation>
    </message>
    <message>
        <source>Learner of the isotope classifiers; an isotope is reported when the spectrum is a source and its probability reaches the threshold.</source>
        <translation>Lernverfahren der Isotop-Klassifikatoren; ein Isotop wird gemeldet, wenn das Spektrum eine Quelle ist und seine Wahrscheinlichkeit die Schwelle erreicht.</translation>
    </message>
    <message>
        <source>Detection features</source>
        <translation>Nachweismerkmale</translation>
    </message>
    <message>
        <source>Significance over the training background of the mean count rate (AVERAGE) or of slope and level (LINFIT) in 25-keV segments, or of every 1-keV bin.</source>
        <translation>Signifikanz über dem Trainingsuntergrund der mittleren Zählrate (AVERAGE) oder von Steigung und Niveau (LINFIT) in 25-keV-Segmenten oder jedes 1-keV-Bins.</translation>
    </message>
    <message>
        <source>AVERAGE, 25 keV</source>
        <translation>AVERAGE, 25 keV</translation>
    </message>
    <message>
        <source>LINFIT, 25 keV</source>
        <translation>LINFIT, 25 keV</translation>
    </message>
    <message>
        <source>Full spectrum, 1 keV</source>
        <translation>Ganzes Spektrum, 1 keV</translation>
    </message>
    <message>
        <source>Identification features</source>
        <translation>Identifikationsmerkmale</translation>
    </message>
    <message>
        <source>Template fit: per isotope, the significance of its net-spectrum templates in a non-negative fit of 5-keV segments; carries over to mixtures never measured.</source>
        <translation>Vorlagenanpassung: je Isotop die Signifikanz seiner Nettospektrum-Vorlagen in einer nichtnegativen Anpassung von 5-keV-Segmenten; überträgt sich auf nie gemessene Gemische.</translation>
    </message>
    <message>
        <source>Template fit, 5 keV</source>
        <translation>Vorlagenanpassung, 5 keV</translation>
    </message>
    <message>
        <source>AVERAGE, 5 keV</source>
        <translation>AVERAGE, 5 keV</translation>
    </message>
    <message>
        <source>LINFIT, 5 keV</source>
        <translation>LINFIT, 5 keV</translation>
    </message>
    <message>
        <source>Feature transform</source>
        <translation>Merkmalstransformation</translation>
    </message>
    <message>
        <source>Transform of the feature values before standardisation: sign(x)·log(1+|x|), the old tool&apos;s arctan scaling, or none.</source>
        <translation>Transformation der Merkmalswerte vor der Standardisierung: sign(x)·log(1+|x|), die Arctan-Skalierung des alten Programms oder keine.</translation>
    </message>
    <message>
        <source>Signed log</source>
        <translation>Vorzeichenbehafteter Logarithmus</translation>
    </message>
    <message>
        <source>Arctan (old tool)</source>
        <translation>Arctan (altes Programm)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Standardise features</source>
        <translation>Merkmale standardisieren</translation>
    </message>
    <message>
        <source>Zero mean and unit variance per feature, learned on the training set.</source>
        <translation>Mittelwert null und Varianz eins je Merkmal, gelernt auf dem Trainingssatz.</translation>
    </message>
    <message>
        <source>Template shape uncertainty</source>
        <translation>Formunsicherheit der Vorlagen</translation>
    </message>
    <message>
        <source>Relative shape uncertainty of the isotope templates (template-fit features).</source>
        <translation>Relative Formunsicherheit der Isotopvorlagen (Merkmale der Vorlagenanpassung).</translation>
    </message>
    <message>
        <source>Line features</source>
        <translation>Linienmerkmale</translation>
    </message>
    <message>
        <source>Per-isotope features from the strongest library lines: net count rate, or its significance.</source>
        <translation>Merkmale je Isotop aus den stärksten Bibliothekslinien: Netto-Zählrate oder ihre Signifikanz.</translation>
    </message>
    <message>
        <source>Net count rate</source>
        <translation>Netto-Zählrate</translation>
    </message>
    <message>
        <source>Significance</source>
        <translation>Signifikanz</translation>
    </message>
    <message>
        <source>Lines per isotope</source>
        <translation>Linien je Isotop</translation>
    </message>
    <message>
        <source>Strongest library gamma lines per isotope for the line features.</source>
        <translation>Stärkste Gammalinien der Bibliothek je Isotop für die Linienmerkmale.</translation>
    </message>
    <message>
        <source>Weak sources and backgrounds</source>
        <translation>Schwache Quellen und Untergründe</translation>
    </message>
    <message>
        <source>Add seeded synthetic spectra made from the measured ones by Poisson thinning; without them the learners never see weak, distant sources.</source>
        <translation>Reproduzierbare synthetische Spektren aus den gemessenen durch Poisson-Ausdünnung hinzufügen; ohne sie sehen die Lernverfahren nie schwache, entfernte Quellen.</translation>
    </message>
    <message>
        <source>Mixtures of 2 or 3 isotopes</source>
        <translation>Gemische aus 2 oder 3 Isotopen</translation>
    </message>
    <message>
        <source>Add synthetic mixtures of measured isotopes, so that combinations never measured can be identified.</source>
        <translation>Synthetische Gemische gemessener Isotope hinzufügen, damit nie gemessene Kombinationen erkannt werden.</translation>
    </message>
    <message>
        <source>Weak single sources</source>
        <translation>Schwache Einzelquellen</translation>
    </message>
    <message>
        <source>Synthetic spectra of one isotope at reduced strength.</source>
        <translation>Synthetische Spektren eines Isotops mit verringerter Stärke.</translation>
    </message>
    <message>
        <source>Mixtures</source>
        <translation>Gemische</translation>
    </message>
    <message>
        <source>Synthetic spectra of two or three isotopes.</source>
        <translation>Synthetische Spektren aus zwei oder drei Isotopen.</translation>
    </message>
    <message>
        <source>Backgrounds</source>
        <translation>Untergründe</translation>
    </message>
    <message>
        <source>Synthetic backgrounds at other live times and levels.</source>
        <translation>Synthetische Untergründe mit anderen Messzeiten und Niveaus.</translation>
    </message>
    <message>
        <source>Weakest source</source>
        <translation>Schwächste Quelle</translation>
    </message>
    <message>
        <source>Weakest synthetic source relative to the measured one.</source>
        <translation>Schwächste synthetische Quelle relativ zur gemessenen.</translation>
    </message>
    <message>
        <source>Weakest source for identification</source>
        <translation>Schwächste Quelle für die Identifikation</translation>
    </message>
    <message>
        <source>Weakest synthetic source the identifiers train on, relative to the measured one (0: as for detection).</source>
        <translation>Schwächste synthetische Quelle, auf der die Identifikation trainiert, relativ zur gemessenen (0: wie beim Nachweis).</translation>
    </message>
    <message>
        <source>Mixture background</source>
        <translation>Untergrund der Gemische</translation>
    </message>
    <message>
        <source>Background that strong mixture components bring: counted in the live time, subtracted, or kept.</source>
        <translation>Untergrund, den starke Gemischkomponenten mitbringen: in der Messzeit gezählt, abgezogen oder behalten.</translation>
    </message>
    <message>
        <source>In the live time</source>
        <translation>In der Messzeit</translation>
    </message>
    <message>
        <source>Subtracted</source>
        <translation>Abgezogen</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Seed of the synthetic spectra and of the folds: the same seed and data give the same model.</source>
        <translation>Startwert der synthetischen Spektren und der Faltungen: gleicher Startwert und gleiche Daten ergeben dasselbe Modell.</translation>
    </message>
    <message>
        <source>Cross-validation folds</source>
        <translation>Kreuzvalidierungs-Faltungen</translation>
    </message>
    <message>
        <source>Grouped k-fold cross-validation: spectra of one acquisition series stay in one fold.</source>
        <translation>Gruppierte k-fache Kreuzvalidierung: Spektren einer Messreihe bleiben in einer Faltung.</translation>
    </message>
    <message>
        <source>Search hyper-parameters</source>
        <translation>Hyperparameter suchen</translation>
    </message>
    <message>
        <source>Choose C, gamma or lambda by the out-of-fold log-loss (off: the learner&apos;s defaults).</source>
        <translation>C, Gamma oder Lambda nach dem Log-Loss außerhalb der Faltung wählen (aus: Standardwerte).</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>How scores become probabilities, fitted on the held-out folds&apos; scores.</source>
        <translation>Wie Bewertungen zu Wahrscheinlichkeiten werden, angepasst an den Bewertungen der zurückgehaltenen Faltungen.</translation>
    </message>
    <message>
        <source>Platt scaling</source>
        <translation>Platt-Skalierung</translation>
    </message>
    <message>
        <source>Isotonic</source>
        <translation>Isotonisch</translation>
    </message>
    <message>
        <source>Target false alarms</source>
        <translation>Ziel-Fehlalarmrate</translation>
    </message>
    <message>
        <source>Detection operating point: the threshold that calls this share of held-out backgrounds a source (0: probability 0.5).</source>
        <translation>Arbeitspunkt des Nachweises: die Schwelle, bei der dieser Anteil zurückgehaltener Untergründe als Quelle gilt (0: Wahrscheinlichkeit 0,5).</translation>
    </message>
    <message>
        <source>Decision threshold</source>
        <translation>Entscheidungsschwelle</translation>
    </message>
    <message>
        <source>Calibrated probability at which an isotope is reported.</source>
        <translation>Kalibrierte Wahrscheinlichkeit, ab der ein Isotop gemeldet wird.</translation>
    </message>
    <message>
        <source>Sigma test k</source>
        <translation>k des Sigma-Tests</translation>
    </message>
    <message>
        <source>Sigma test: a source when the count rate exceeds the reference background by more than k combined standard deviations.</source>
        <translation>Sigma-Test: eine Quelle, wenn die Zählrate den Referenzuntergrund um mehr als k kombinierte Standardabweichungen übersteigt.</translation>
    </message>
    <message>
        <source>Sigma test windows</source>
        <translation>Fenster des Sigma-Tests</translation>
    </message>
    <message>
        <source>Energy windows of the sigma test, LOW:HIGH keV, comma-separated (empty: the whole grid).</source>
        <translation>Energiefenster des Sigma-Tests, UNTEN:OBEN keV, durch Kommas getrennt (leer: das ganze Raster).</translation>
    </message>
    <message>
        <source>Fit of each spectrum</source>
        <translation>Anpassung jedes Spektrums</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Two stages: a source when the isotopes significant at z together hold more than the share threshold of the scores, then every significant isotope; significance: every component above z standard errors; share: every component above the share threshold (the old method).</source>
        <translation>Zwei Stufen: eine Quelle, wenn die bei z signifikanten Isotope zusammen mehr als die Anteilsschwelle der Scores halten, dann jedes signifikante Isotop; Signifikanz: jede Komponente über z Standardfehlern; Anteil: jede Komponente über der Anteilsschwelle (die alte Methode).</translation>
    </message>
    <message>
        <source>Two stages: source alarm, then which</source>
        <translation>Zwei Stufen: Quellenalarm, dann welche</translation>
    </message>
    <message>
        <source>Significance of each component</source>
        <translation>Signifikanz jeder Komponente</translation>
    </message>
    <message>
        <source>Share above the threshold (old method)</source>
        <translation>Anteil über der Schwelle (alte Methode)</translation>
    </message>
    <message>
        <source>Poisson weighting</source>
        <translation>Poisson-Gewichtung</translation>
    </message>
    <message>
        <source>Re-weighted fit: each channel weighted by 1/max(model counts, 1), its Poisson variance, then weighted non-negative least squares.</source>
        <translation>Neu gewichtete Anpassung: jeder Kanal mit 1/max(Modellzählungen, 1) gewichtet, seiner Poisson-Varianz, dann gewichtete nichtnegative kleinste Quadrate.</translation>
    </message>
    <message>
        <source>Re-weighted steps</source>
        <translation>Neugewichtungsschritte</translation>
    </message>
    <message>
        <source>Re-weighted steps towards the Poisson fit (1: the first round&apos;s weights).</source>
        <translation>Neugewichtungsschritte zur Poisson-Anpassung (1: die Gewichte der ersten Runde).</translation>
    </message>
    <message>
        <source>Gain adjustment</source>
        <translation>Verstärkungsanpassung</translation>
    </message>
    <message>
        <source>Per-spectrum energy-scale factor within the gain range, chosen by the best fit (lowest deviance).</source>
        <translation>Energieskalenfaktor je Spektrum innerhalb des Verstärkungsbereichs, gewählt nach der besten Anpassung (kleinste Devianz).</translation>
    </message>
    <message>
        <source>Gain range</source>
        <translation>Verstärkungsbereich</translation>
    </message>
    <message>
        <source>Gain factors from 1 - range to 1 + range are tried.</source>
        <translation>Verstärkungsfaktoren von 1 - Bereich bis 1 + Bereich werden versucht.</translation>
    </message>
    <message>
        <source>Gain step</source>
        <translation>Verstärkungsschritt</translation>
    </message>
    <message>
        <source>Coarse step of the gain factors; the best one is refined with a quarter of it.</source>
        <translation>Grober Schritt der Verstärkungsfaktoren; der beste wird mit einem Viertel davon verfeinert.</translation>
    </message>
    <message>
        <source>Resolution adjustment</source>
        <translation>Auflösungsanpassung</translation>
    </message>
    <message>
        <source>Per-spectrum Gaussian broadening of the isotope loadings, chosen by the best deviance per degree of freedom.</source>
        <translation>Gaußsche Verbreiterung der Isotop-Ladungen je Spektrum, gewählt nach der besten Devianz je Freiheitsgrad.</translation>
    </message>
    <message>
        <source>Largest broadening</source>
        <translation>Größte Verbreiterung</translation>
    </message>
    <message>
        <source>Largest extra sigma at 661.657 keV of the resolution adjustment.</source>
        <translation>Größtes zusätzliches Sigma bei 661,657 keV der Auflösungsanpassung.</translation>
    </message>
    <message>
        <source>Broadening step</source>
        <translation>Verbreiterungsschritt</translation>
    </message>
    <message>
        <source>Step of the extra sigma of the resolution adjustment.</source>
        <translation>Schritt des zusätzlichen Sigmas der Auflösungsanpassung.</translation>
    </message>
    <message>
        <source>Resolution match</source>
        <translation>Auflösungsangleichung</translation>
    </message>
    <message>
        <source>Training: the isotope loadings are broadened once to the line widths of the measured background (fitted on the training loadings&apos; known lines).</source>
        <translation>Training: die Isotop-Ladungen werden einmal auf die Linienbreiten des gemessenen Untergrunds verbreitert (angepasst an den bekannten Linien der Trainingsladungen).</translation>
    </message>
    <message>
        <source>Align templates</source>
        <translation>Vorlagen ausrichten</translation>
    </message>
    <message>
        <source>Training: the isotope loadings are moved by their line offset relative to the background&apos;s lines.</source>
        <translation>Training: die Isotop-Ladungen werden um den Versatz ihrer Linien gegenüber den Linien des Untergrunds verschoben.</translation>
    </message>
    <message>
        <source>Quasi-Poisson standard errors</source>
        <translation>Quasi-Poisson-Standardfehler</translation>
    </message>
    <message>
        <source>Standard errors grow by sqrt(deviance per degree of freedom) when the fit is worse than Poisson noise: template mismatch in strong spectra is not taken for extra isotopes.</source>
        <translation>Standardfehler wachsen um sqrt(Devianz je Freiheitsgrad), wenn die Anpassung schlechter als Poisson-Rauschen ist: Vorlagenabweichungen in starken Spektren gelten nicht als zusätzliche Isotope.</translation>
    </message>
    <message>
        <source>Significance z</source>
        <translation>Signifikanz z</translation>
    </message>
    <message>
        <source>z of the statistical threshold (5: the conventional discovery level).</source>
        <translation>z der statistischen Schwelle (5: die übliche Entdeckungsschwelle).</translation>
    </message>
    <message>
        <source>Share threshold</source>
        <translation>Anteilsschwelle</translation>
    </message>
    <message>
        <source>Share of the scores above which a component is present (share rule) or a source alarm is raised (two stages).</source>
        <translation>Anteil der Scores, über dem eine Komponente vorhanden ist (Anteilsregel) oder ein Quellenalarm ausgelöst wird (zwei Stufen).</translation>
    </message>
    <message>
        <source>Minimum isotope share</source>
        <translation>Mindestanteil eines Isotops</translation>
    </message>
    <message>
        <source>Significance rule: an isotope must also hold more than this share of the scores (0: off).</source>
        <translation>Signifikanzregel: ein Isotop muss zudem mehr als diesen Anteil der Scores halten (0: aus).</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1: Datei oder Ordner nicht gefunden</translation>
    </message>
    <message>
        <source>Classifying</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <source>Spectra</source>
        <translation>Spektren</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Gamma-ray spectrum workstation</source>
        <translation>Gammaspektrometrie-Arbeitsplatz</translation>
    </message>
    <message>
        <source>Spectrum files or folders to open.</source>
        <translation>Zu öffnende Spektrumdateien oder Ordner.</translation>
    </message>
    <message>
        <source>After the data is loaded and the first spectrum plotted, save the window as PNG to &lt;file&gt; and quit.</source>
        <translation>Nach dem Laden der Daten und dem Zeichnen des ersten Spektrums das Fenster als PNG in &lt;file&gt; speichern und beenden.</translation>
    </message>
    <message>
        <source>Print the time from start to the first plot.</source>
        <translation>Die Zeit vom Start bis zum ersten Diagramm ausgeben.</translation>
    </message>
    <message>
        <source>Load a classifier or latent model file at start (repeat for both).</source>
        <translation>Beim Start eine Klassifikator- oder latente Modelldatei laden (für beide wiederholen).</translation>
    </message>
    <message>
        <source>Classify every opened spectrum once loaded.</source>
        <translation>Alle geöffneten Spektren nach dem Laden klassifizieren.</translation>
    </message>
    <message>
        <source>Show this view tab (number from 0) before a screenshot.</source>
        <translation>Vor dem Bildschirmfoto diesen Ansichtsreiter zeigen (Nummer ab 0).</translation>
    </message>
    <message>
        <source>User interface language for this run: system, en, ru or de (default: the language chosen in Preferences).</source>
        <translation>Sprache der Oberfläche für diesen Start: system, en, ru oder de (Standard: die in den Einstellungen gewählte Sprache).</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;: use system, en, ru or de.</source>
        <translation>Unbekannte Sprache „%1“: system, en, ru oder de angeben.</translation>
    </message>
    <message>
        <source>Efficiency curve file for activities, or &apos;xgd&apos; for the shipped XGD curve.</source>
        <translation>Effizienzkurven-Datei für Aktivitäten oder &apos;xgd&apos; für die mitgelieferte XGD-Kurve.</translation>
    </message>
</context>
<context>
    <name>photopeak::HitAnalysisPanel</name>
    <message>
        <source>Mark artefacts</source>
        <translation>Artefakte markieren</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Clustern</translation>
    </message>
    <message>
        <source>Train and cross-validate</source>
        <translation>Trainieren und kreuzvalidieren</translation>
    </message>
    <message>
        <source>k-means</source>
        <translation>k-Means</translation>
    </message>
    <message>
        <source>Gaussian mixture</source>
        <translation>Gaußsche Mischung</translation>
    </message>
    <message>
        <source>published rule (solidity &gt; 0.7, ellipticity &gt; 0.6)</source>
        <translation>veröffentlichte Regel (Solidität &gt; 0,7, Elliptizität &gt; 0,6)</translation>
    </message>
    <message>
        <source>SVM on features (calibrated)</source>
        <translation>SVM auf Merkmalen (kalibriert)</translation>
    </message>
    <message>
        <source>CNN on crops (augmented)</source>
        <translation>CNN auf Ausschnitten (augmentiert)</translation>
    </message>
    <message>
        <source>Artefacts</source>
        <translation>Artefakte</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Largest k:</source>
        <translation>Größtes k:</translation>
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
        <translation>SS innerhalb der Cluster</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <source>Grouped folds:</source>
        <translation>Gruppierte Folds:</translation>
    </message>
    <message>
        <source>CNN epochs:</source>
        <translation>CNN-Epochen:</translation>
    </message>
    <message>
        <source>Out-of-fold confusion matrix and scores appear here.</source>
        <translation>Hier erscheinen die Out-of-Fold-Konfusionsmatrix und die Kennzahlen.</translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation>%1 %2 von %3</translation>
    </message>
    <message>
        <source>%1 of %2 hits clean (marked hits are kept, with a red dot).
%3</source>
        <translation>%1 von %2 Treffern sauber (markierte Treffer bleiben, mit rotem Punkt).
%3</translation>
    </message>
    <message>
        <source>%1 clusters (smallest BIC) on %2</source>
        <translation>%1 Cluster (kleinstes BIC) auf %2</translation>
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
        <translation>SS innerhalb (Ellbogen)</translation>
    </message>
    <message>
        <source>Cross-validation needs at least two classes with %1 or more labelled hits each.</source>
        <translation>Die Kreuzvalidierung braucht mindestens zwei Klassen mit je %1 oder mehr markierten Treffern.</translation>
    </message>
    <message>
        <source>Cross-validating %1 on %2 labelled hits…</source>
        <translation>Kreuzvalidierung von %1 auf %2 markierten Treffern…</translation>
    </message>
    <message>
        <source> (left out, fewer than %1 hits: %2)</source>
        <translation> (ausgelassen, weniger als %1 Treffer: %2)</translation>
    </message>
    <message>
        <source>%1, %2 grouped folds, out-of-fold:
</source>
        <translation>%1, %2 gruppierte Folds, Out-of-Fold:
</translation>
    </message>
    <message>
        <source>accuracy %1 %, macro F1 %2, Brier %3
</source>
        <translation>Genauigkeit %1 %, Makro-F1 %2, Brier %3
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
%1 falsch klassifiziert (gestrichelte Rahmen; Anzeigen: falsch klassifiziert)</translation>
    </message>
    <message>
        <source>%1: accuracy %2 %</source>
        <translation>%1: Genauigkeit %2 %</translation>
    </message>
    <message>
        <source>. The BIC still falls at the largest k tried: raise &quot;Largest k&quot; to find its minimum.</source>
        <translation>. Das BIC fällt beim größten versuchten k noch: „Größtes k“ erhöhen, um sein Minimum zu finden.</translation>
    </message>
    <message>
        <source>%1, out-of-fold (%2 hits)</source>
        <translation>%1, außerhalb der Falte (%2 Treffer)</translation>
    </message>
    <message>
        <source>accuracy %1 %, macro F1 %2</source>
        <translation>Genauigkeit %1 %, Makro-F1 %2</translation>
    </message>
</context>
<context>
    <name>photopeak::HitListModel</name>
    <message>
        <source>label: %1</source>
        <translation>Label: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>classified: %1 (p = %2)</source>
        <translation>klassifiziert: %1 (p = %2)</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <source>marked: %1</source>
        <translation>markiert: %1</translation>
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
        <translation>ohne Label</translation>
    </message>
</context>
<context>
    <name>photopeak::HitsWidget</name>
    <message>
        <source>Click labels hits as</source>
        <translation>Klick markiert Treffer als</translation>
    </message>
    <message>
        <source>Save labels</source>
        <translation>Labels speichern</translation>
    </message>
    <message>
        <source>Export sheet PNG…</source>
        <translation>Bogen als PNG exportieren…</translation>
    </message>
    <message>
        <source>The hits shown (e.g. one cluster), up to 200, as a PNG contact sheet</source>
        <translation>Die gezeigten Treffer (z. B. ein Cluster), bis zu 200, als PNG-Kontaktbogen</translation>
    </message>
    <message>
        <source>Export Sheet</source>
        <translation>Bogen exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>(no feature range)</source>
        <translation>(kein Merkmalsbereich)</translation>
    </message>
    <message>
        <source>Hide marked</source>
        <translation>Markierte ausblenden</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>all hits</source>
        <translation>alle Treffer</translation>
    </message>
    <message>
        <source>labelled %1</source>
        <translation>markiert %1</translation>
    </message>
    <message>
        <source>classified %1</source>
        <translation>klassifiziert %1</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>ohne Label</translation>
    </message>
    <message>
        <source>misclassified</source>
        <translation>falsch klassifiziert</translation>
    </message>
    <message>
        <source>any cluster</source>
        <translation>beliebiges Cluster</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <source>%1 of %2 hits shown</source>
        <translation>%1 von %2 Treffern angezeigt</translation>
    </message>
    <message>
        <source>%1 labelled %2 (not saved yet: Save labels)</source>
        <translation>%1 als %2 markiert (noch nicht gespeichert: Labels speichern)</translation>
    </message>
    <message>
        <source>Labels saved to %1</source>
        <translation>Labels in %1 gespeichert</translation>
    </message>
    <message>
        <source>Sheet of %1 hits written to %2</source>
        <translation>Bogen mit %1 Treffern nach %2 geschrieben</translation>
    </message>
    <message>
        <source>Reading %1 and computing features…</source>
        <translation>%1 wird gelesen, Merkmale werden berechnet…</translation>
    </message>
    <message>
        <source>%1 hits from %2</source>
        <translation>%1 Treffer aus %2</translation>
    </message>
    <message>
        <source>; %1 files skipped (first: %2)</source>
        <translation>; %1 Dateien übersprungen (erste: %2)</translation>
    </message>
    <message>
        <source>; %1 labels from %2</source>
        <translation>; %1 Labels aus %2</translation>
    </message>
    <message>
        <source>Open Hit Collection (folder of crops)</source>
        <translation>Treffersammlung öffnen (Ordner mit Ausschnitten)</translation>
    </message>
    <message>
        <source>Hits: %1</source>
        <translation>Treffer: %1</translation>
    </message>
    <message>
        <source>Open CREDO Detection Export</source>
        <translation>CREDO-Detektionsexport öffnen</translation>
    </message>
    <message>
        <source>CREDO detection exports (*.json);;All files (*)</source>
        <translation>CREDO-Detektionsexporte (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::AboutDialog</name>
    <message>
        <source>&lt;h4&gt;Data&lt;/h4&gt;&lt;p&gt;&lt;b&gt;XGD spectra&lt;/b&gt; (Xenon Gamma-Detector, NRNU MEPhI): MIT licence, © 2023 Ivan Davydov (XGD-MLC repository).&lt;/p&gt;&lt;p&gt;&lt;b&gt;GAMMA_FLOW spectra&lt;/b&gt;: Datenlizenz Deutschland – Namensnennung – Version 2.0 (&lt;a href=&apos;https://www.govdata.de/dl-de/by-2-0&apos;&gt;dl-de/by-2-0&lt;/a&gt;), provider: Bundesamt für Strahlenschutz (BfS); converted to HDF5, values unchanged.&lt;/p&gt;&lt;h4&gt;Libraries&lt;/h4&gt;&lt;p&gt;Qt %1 (LGPL-3.0), QCustomPlot by Emanuel Eichhammer (GPL-3.0), Eigen (MPL-2.0), dlib (Boost Software Licence), HDF5 (BSD-style).&lt;/p&gt;</source>
        <translation>&lt;h4&gt;Daten&lt;/h4&gt;&lt;p&gt;&lt;b&gt;XGD-Spektren&lt;/b&gt; (Xenon-Gammadetektor, NRNU MEPhI): MIT-Lizenz, © 2023 Ivan Davydov (Repository XGD-MLC).&lt;/p&gt;&lt;p&gt;&lt;b&gt;GAMMA_FLOW-Spektren&lt;/b&gt;: Datenlizenz Deutschland – Namensnennung – Version 2.0 (&lt;a href=&apos;https://www.govdata.de/dl-de/by-2-0&apos;&gt;dl-de/by-2-0&lt;/a&gt;), Bereitsteller: Bundesamt für Strahlenschutz (BfS); in HDF5 umgewandelt, Werte unverändert.&lt;/p&gt;&lt;h4&gt;Bibliotheken&lt;/h4&gt;&lt;p&gt;Qt %1 (LGPL-3.0), QCustomPlot von Emanuel Eichhammer (GPL-3.0), Eigen (MPL-2.0), dlib (Boost Software Licence), HDF5 (BSD-artig).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Photopeak</source>
        <translation>Über Photopeak</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Photopeak %1&lt;/h2&gt;&lt;p&gt;Gamma-ray spectrum workstation: browse labelled spectra, plot, find peaks, classify.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Photopeak %1&lt;/h2&gt;&lt;p&gt;Gammaspektrometrie-Arbeitsplatz: gelabelte Spektren durchsehen, darstellen, Peaks finden, klassifizieren.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::AlarmBanner</name>
    <message>
        <source>Not watching.</source>
        <translation>Keine Überwachung.</translation>
    </message>
    <message>
        <source>, measured %1</source>
        <translation>, gemessen %1</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:15pt; font-weight:600&apos;&gt;ALARM: %1&lt;/span&gt;&lt;br&gt;since %2 — spectrum #%3 (%4%5)&lt;br&gt;%6</source>
        <translation>&lt;span style=&apos;font-size:15pt; font-weight:600&apos;&gt;ALARM: %1&lt;/span&gt;&lt;br&gt;seit %2 — Spektrum Nr. %3 (%4%5)&lt;br&gt;%6</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::AnalysisSession</name>
    <message>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <source>Open spectra first: there is nothing to classify.</source>
        <translation>Zuerst Spektren öffnen: Es gibt nichts zu klassifizieren.</translation>
    </message>
    <message>
        <source>Train or load a model first (Training panel).</source>
        <translation>Zuerst ein Modell trainieren oder laden (Bereich „Training“).</translation>
    </message>
    <message>
        <source>; session background %1</source>
        <translation>; Sitzungsuntergrund %1</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::AnnotationActions</name>
    <message>
        <source>Identified &amp;Isotopes</source>
        <translation>Identifizierte Is&amp;otope</translation>
    </message>
    <message>
        <source>Shade the lines of each identified isotope with opacity = probability</source>
        <translation>Die Linien jedes identifizierten Isotops mit Deckkraft = Wahrscheinlichkeit schattieren</translation>
    </message>
    <message>
        <source>Header Bo&amp;x</source>
        <translation>Info&amp;box</translation>
    </message>
    <message>
        <source>Channels, times, distance, calibration and start of the spectrum</source>
        <translation>Kanäle, Zeiten, Abstand, Kalibrierung und Start des Spektrums</translation>
    </message>
    <message>
        <source>Fitted &amp;Peaks</source>
        <translation>Angepasste &amp;Peaks</translation>
    </message>
    <message>
        <source>Search and fit the peaks of the front spectrum</source>
        <translation>Die Peaks des vordersten Spektrums suchen und anpassen</translation>
    </message>
    <message>
        <source>&amp;Nuclide Lines</source>
        <translation>&amp;Nuklidlinien</translation>
    </message>
    <message>
        <source>Library lines of the identified isotopes</source>
        <translation>Bibliothekslinien der identifizierten Isotope</translation>
    </message>
    <message>
        <source>Use Current Spectrum as &amp;Background</source>
        <translation>Aktuelles Spektrum als &amp;Untergrund</translation>
    </message>
    <message>
        <source>&amp;Clear Background Overlay</source>
        <translation>Untergrund-Überlagerung en&amp;tfernen</translation>
    </message>
    <message>
        <source>Overlay this spectrum, scaled by live time, behind every spectrum shown</source>
        <translation>Dieses Spektrum, nach Live-Zeit skaliert, hinter jedes angezeigte Spektrum legen</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::BenchController</name>
    <message>
        <source>Peaks</source>
        <translation>Peaks</translation>
    </message>
    <message>
        <source>ROIs</source>
        <translation>ROIs</translation>
    </message>
    <message>
        <source>Reference Nuclides</source>
        <translation>Referenznuklide</translation>
    </message>
    <message>
        <source>%1 keV</source>
        <translation>%1 keV</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>Peaks (fitting…)</source>
        <translation>Peaks (Anpassung…)</translation>
    </message>
    <message>
        <source>Peaks (%1)</source>
        <translation>Peaks (%1)</translation>
    </message>
    <message>
        <source>ROIs (%1)</source>
        <translation>ROIs (%1)</translation>
    </message>
    <message>
        <source>No peak fitted at %1: %2</source>
        <translation>Kein Peak bei %1 angepasst: %2</translation>
    </message>
    <message>
        <source>Fit peak at %1</source>
        <translation>Peak bei %1 anpassen</translation>
    </message>
    <message>
        <source>Peak at %1: net area %2 ± %3</source>
        <translation>Peak bei %1: Nettofläche %2 ± %3</translation>
    </message>
    <message>
        <source>No peaks fitted in %1 – %2: %3</source>
        <translation>Keine Peaks in %1 – %2 angepasst: %3</translation>
    </message>
    <message numerus="yes">
        <source>Fit %n peak(s) in %1 – %2</source>
        <translation>
            <numerusform>%n Peak in %1 – %2 anpassen</numerusform>
            <numerusform>%n Peaks in %1 – %2 anpassen</numerusform>
        </translation>
    </message>
    <message>
        <source>No peak between %1 and %2</source>
        <translation>Kein Peak zwischen %1 und %2</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n peak(s)</source>
        <translation>
            <numerusform>%n Peak entfernen</numerusform>
            <numerusform>%n Peaks entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove peak at %1</source>
        <translation>Peak bei %1 entfernen</translation>
    </message>
    <message>
        <source>Restore automatic peaks</source>
        <translation>Automatische Peaks wiederherstellen</translation>
    </message>
    <message>
        <source>Add ROI %1 – %2</source>
        <translation>ROI %1 – %2 hinzufügen</translation>
    </message>
    <message>
        <source>Remove ROI</source>
        <translation>ROI entfernen</translation>
    </message>
    <message>
        <source>%1 %2 keV</source>
        <translation>%1 %2 keV</translation>
    </message>
    <message>
        <source>Assign %1</source>
        <translation>%1 zuordnen</translation>
    </message>
    <message>
        <source>Clear line assignment</source>
        <translation>Linienzuordnung entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Energy calibration of %n spectra</source>
        <translation>
            <numerusform>Energiekalibrierung von %n Spektrum</numerusform>
            <numerusform>Energiekalibrierung von %n Spektren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore the file&apos;s calibration of %n spectra</source>
        <translation>
            <numerusform>Dateikalibrierung von %n Spektrum wiederherstellen</numerusform>
            <numerusform>Dateikalibrierung von %n Spektren wiederherstellen</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a spectrum with fitted peaks first.</source>
        <translation>Zuerst ein Spektrum mit angepassten Peaks auswählen.</translation>
    </message>
    <message>
        <source>&amp;Peaks</source>
        <translation>&amp;Peaks</translation>
    </message>
    <message>
        <source>&amp;Calibrate Energy…</source>
        <translation>Energie &amp;kalibrieren…</translation>
    </message>
    <message>
        <source>Restore the File&apos;s Ca&amp;libration</source>
        <translation>Kalibrierung der &amp;Datei wiederherstellen</translation>
    </message>
    <message>
        <source>The selected spectra use their files&apos; calibrations.</source>
        <translation>Die ausgewählten Spektren verwenden die Kalibrierung ihrer Dateien.</translation>
    </message>
    <message>
        <source>&amp;Export Calibration…</source>
        <translation>Kalibrierung &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Restore Automatic Peaks</source>
        <translation>&amp;Automatische Peaks wiederherstellen</translation>
    </message>
    <message>
        <source>The peak list is the automatic fit already.</source>
        <translation>Die Peakliste ist bereits die automatische Anpassung.</translation>
    </message>
    <message>
        <source>E&amp;xport Peak Table…</source>
        <translation>Peak&amp;tabelle exportieren…</translation>
    </message>
    <message>
        <source>Remove &amp;All ROIs</source>
        <translation>Alle &amp;ROIs entfernen</translation>
    </message>
    <message>
        <source>Remove all ROIs</source>
        <translation>Alle ROIs entfernen</translation>
    </message>
    <message>
        <source>Peak &amp;Table</source>
        <translation>&amp;Peaktabelle</translation>
    </message>
    <message>
        <source>R&amp;OI List</source>
        <translation>R&amp;OI-Liste</translation>
    </message>
    <message>
        <source>Reference &amp;Nuclides</source>
        <translation>Referenz&amp;nuklide</translation>
    </message>
    <message>
        <source>&amp;Fit Peak Here</source>
        <translation>Peak hier &amp;anpassen</translation>
    </message>
    <message>
        <source>&amp;Assign Line to Peak at %1</source>
        <translation>&amp;Linie dem Peak bei %1 zuordnen</translation>
    </message>
    <message>
        <source>%1 %2 keV (%3 %)</source>
        <translation>%1 %2 keV (%3 %)</translation>
    </message>
    <message>
        <source>&amp;Other Energy…</source>
        <translation>&amp;Andere Energie…</translation>
    </message>
    <message>
        <source>Assign Energy</source>
        <translation>Energie zuordnen</translation>
    </message>
    <message>
        <source>Line energy (keV):</source>
        <translation>Linienenergie (keV):</translation>
    </message>
    <message>
        <source>&amp;Clear Assignment</source>
        <translation>Zuordnung &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Remove Peak at %1</source>
        <translation>Peak bei %1 &amp;entfernen</translation>
    </message>
    <message>
        <source>ROI over This &amp;Peak</source>
        <translation>ROI über diesen &amp;Peak</translation>
    </message>
    <message>
        <source>&amp;Nuclides with a Line near %1 keV</source>
        <translation>&amp;Nuklide mit einer Linie bei %1 keV</translation>
    </message>
    <message>
        <source>%1 — %2 keV (%3 %)</source>
        <translation>%1 — %2 keV (%3 %)</translation>
    </message>
    <message>
        <source>(none in the library)</source>
        <translation>(keine in der Bibliothek)</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>No peaks to export.</source>
        <translation>Keine Peaks zum Exportieren.</translation>
    </message>
    <message>
        <source>Export Peak Table</source>
        <translation>Peaktabelle exportieren</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV-Tabellen (*.csv)</translation>
    </message>
    <message>
        <source>Peak table written to %1</source>
        <translation>Peaktabelle nach %1 geschrieben</translation>
    </message>
    <message>
        <source>This spectrum uses its file&apos;s calibration; calibrate it first (Peaks ▸ Calibrate Energy).</source>
        <translation>Dieses Spektrum verwendet die Kalibrierung seiner Datei; zuerst kalibrieren (Peaks ▸ Energie kalibrieren).</translation>
    </message>
    <message>
        <source>Export Calibration</source>
        <translation>Kalibrierung exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Calibration written to %1</source>
        <translation>Kalibrierung nach %1 geschrieben</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::CalibrationDialog</name>
    <message>
        <source>&amp;Preview on the spectrum</source>
        <translation>&amp;Vorschau im Spektrum</translation>
    </message>
    <message>
        <source>&amp;This spectrum</source>
        <translation>&amp;Dieses Spektrum</translation>
    </message>
    <message>
        <source>All &amp;selected spectra (%1)</source>
        <translation>Alle &amp;ausgewählten Spektren (%1)</translation>
    </message>
    <message>
        <source>Energy Calibration</source>
        <translation>Energiekalibrierung</translation>
    </message>
    <message>
        <source>Peaks assigned to a line (right-click a peak ▸ Assign Line). The fit replaces the calibration in the window only; the file is not changed.</source>
        <translation>Peaks mit zugeordneter Linie (Rechtsklick auf einen Peak ▸ Linie zuordnen). Die Anpassung ersetzt die Kalibrierung nur im Fenster; die Datei bleibt unverändert.</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Verw.</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Line (keV)</source>
        <translation>Linie (keV)</translation>
    </message>
    <message>
        <source>Residual (keV)</source>
        <translation>Residuum (keV)</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <source>Quadratic (3 lines or more)</source>
        <translation>Quadratisch (ab 3 Linien)</translation>
    </message>
    <message>
        <source>&amp;Degree:</source>
        <translation>&amp;Grad:</translation>
    </message>
    <message>
        <source>Energy (keV)</source>
        <translation>Energie (keV)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>An&amp;wenden</translation>
    </message>
    <message>
        <source>Assign lines to at least two peaks (right-click a peak in the plot or the peak table ▸ Assign Line).</source>
        <translation>Mindestens zwei Peaks eine Linie zuordnen (Rechtsklick auf einen Peak im Diagramm oder in der Peaktabelle ▸ Linie zuordnen).</translation>
    </message>
    <message>
        <source>No calibration: %1</source>
        <translation>Keine Kalibrierung: %1</translation>
    </message>
    <message>
        <source>E(ch) = %1 + %2·ch + %3·ch² keV; rms residual %4 keV; 662 keV now at channel %5 (was %6).</source>
        <translation>E(K) = %1 + %2·K + %3·K² keV; RMS-Residuum %4 keV; 662 keV jetzt bei Kanal %5 (vorher %6).</translation>
    </message>
    <message>
        <source>uncalibrated</source>
        <translation>unkalibriert</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ClassConfusionView</name>
    <message>
        <source>called</source>
        <translation>zugeordnet</translation>
    </message>
    <message>
        <source>truth</source>
        <translation>Wahrheit</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ClassHistogramView</name>
    <message>
        <source>fraction of events per bin</source>
        <translation>Anteil der Ereignisse pro Bin</translation>
    </message>
    <message>
        <source>%1 (%2 events in range)</source>
        <translation>%1 (%2 Ereignisse im Bereich)</translation>
    </message>
    <message>
        <source>all events</source>
        <translation>alle Ereignisse</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ColumnBrowser</name>
    <message>
        <source>Filter columns by name</source>
        <translation>Spalten nach Namen filtern</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Vorhanden</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlend</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ColumnScatterView</name>
    <message>
        <source>class 0</source>
        <translation>Klasse 0</translation>
    </message>
    <message>
        <source>class 1</source>
        <translation>Klasse 1</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>ohne Label</translation>
    </message>
    <message>
        <source>%1: %2 of %3 events drawn (every %4th)</source>
        <translation>%1: %2 von %3 Ereignissen gezeichnet (jedes %4.)</translation>
    </message>
    <message>
        <source>%1: %2 events</source>
        <translation>%1: %2 Ereignisse</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ConfusionMatrixView</name>
    <message>
        <source>correct (P = T)</source>
        <translation>richtig (V = W)</translation>
    </message>
    <message>
        <source>incomplete (P ⊂ T)</source>
        <translation>unvollständig (V ⊂ W)</translation>
    </message>
    <message>
        <source>over-complete (T ⊂ P)</source>
        <translation>überzählig (W ⊂ V)</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>falsch</translation>
    </message>
    <message>
        <source>Source / background</source>
        <translation>Quelle / Untergrund</translation>
    </message>
    <message>
        <source>Per isotope</source>
        <translation>Je Isotop</translation>
    </message>
    <message>
        <source>By label set</source>
        <translation>Nach Label-Menge</translation>
    </message>
    <message>
        <source>Matrix:</source>
        <translation>Matrix:</translation>
    </message>
    <message>
        <source>Share of the true row (%)</source>
        <translation>Anteil der wahren Zeile (%)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Untergrund</translation>
    </message>
    <message>
        <source>%1 spectra: detection rate %2, false-alarm rate %3</source>
        <translation>%1 Spektren: Nachweisrate %2, Fehlalarmrate %3</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Truth</source>
        <translation>Wahrheit</translation>
    </message>
    <message>
        <source>not %1</source>
        <translation>nicht %1</translation>
    </message>
    <message>
        <source>%1 in %2 spectra: precision %3, recall %4</source>
        <translation>%1 in %2 Spektren: Präzision %3, Trefferquote %4</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Wahr</translation>
    </message>
    <message>
        <source>Label sets of %1 spectra: %2 exactly right</source>
        <translation>Label-Mengen von %1 Spektren: %2 genau richtig</translation>
    </message>
    <message>
        <source>Predicted label set</source>
        <translation>Vorhergesagte Label-Menge</translation>
    </message>
    <message>
        <source>True label set</source>
        <translation>Wahre Label-Menge</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;No detection results&lt;/p&gt;&lt;p&gt;Evaluate a detector to see its source / background decisions.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Keine Nachweisergebnisse&lt;/p&gt;&lt;p&gt;Ein Nachweismodell bewerten, um seine Entscheidungen Quelle / Untergrund zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;No identification results&lt;/p&gt;&lt;p&gt;Evaluate a model on labelled spectra to see its confusion matrix.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Keine Identifikationsergebnisse&lt;/p&gt;&lt;p&gt;Ein Modell an gelabelten Spektren bewerten, um seine Konfusionsmatrix zu sehen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::DataBrowserDock</name>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Filter: name, folder, label or flag (e.g. Cs137 60s)</source>
        <translation>Filter: Name, Ordner, Label oder Flag (z. B. Cs137 60s)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Show only spectra with problems (all-zero, missing calibration, ...)</source>
        <translation>Nur Spektren mit Problemen zeigen (nur Nullen, fehlende Kalibrierung, ...)</translation>
    </message>
    <message>
        <source>No data opened</source>
        <translation>Keine Daten geöffnet</translation>
    </message>
    <message>
        <source>%1 spectra</source>
        <translation>%1 Spektren</translation>
    </message>
    <message>
        <source> · %1 flagged</source>
        <translation> · %1 markiert</translation>
    </message>
    <message>
        <source> · %1 shown</source>
        <translation> · %1 angezeigt</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Show folders, files and the spectra of multi-spectrum files as a tree; off: a flat sortable list</source>
        <translation>Ordner, Dateien und die Spektren von Mehrspektren-Dateien als Baum zeigen; aus: eine flache, sortierbare Liste</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::DatasetModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Probleme:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Live time</source>
        <translation>Live-Zeit</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Impulse</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Ground-truth labels, from the file or from the folder names</source>
        <translation>Wahre Labels, aus der Datei oder aus den Ordnernamen</translation>
    </message>
    <message>
        <source>Total counts over all channels</source>
        <translation>Gesamtzahl der Impulse über alle Kanäle</translation>
    </message>
    <message>
        <source>Problems found while reading; hover a row for details</source>
        <translation>Beim Lesen gefundene Probleme; Details beim Überfahren einer Zeile</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::DatasetTreeModel</name>
    <message>
        <source>%1 spectra</source>
        <translation>%1 Spektren</translation>
    </message>
    <message>
        <source>%1 flagged</source>
        <translation>%1 markiert</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::DenoisedSpectrumView</name>
    <message>
        <source>Log scale</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>PNG speichern…</translation>
    </message>
    <message>
        <source>Save this plot as a PNG image</source>
        <translation>Diese Grafik als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Select a spectrum to see it beside its reconstruction by the latent model.</source>
        <translation>Ein Spektrum wählen, um es neben seiner Rekonstruktion durch das latente Modell zu sehen.</translation>
    </message>
    <message>
        <source>Original vs denoised</source>
        <translation>Original und entrauscht</translation>
    </message>
    <message>
        <source>This spectrum cannot be put on the latent model&apos;s grid (no counts or no energy calibration).</source>
        <translation>Dieses Spektrum lässt sich nicht auf das Raster des latenten Modells bringen (keine Zählungen oder keine Energiekalibrierung).</translation>
    </message>
    <message>
        <source>%1: original vs denoised
cosine similarity %2 (channels ≥ %3) · Pearson %4 · explained variance %5</source>
        <translation>%1: Original und entrauscht
Kosinus-Ähnlichkeit %2 (Kanäle ≥ %3) · Pearson %4 · erklärte Varianz %5</translation>
    </message>
    <message>
        <source>original (%1 counts)</source>
        <translation>Original (%1 Zählungen)</translation>
    </message>
    <message>
        <source>%1: score %2, share %3 %</source>
        <translation>%1: Score %2, Anteil %3 %</translation>
    </message>
    <message>
        <source>denoised (scores × loadings)</source>
        <translation>entrauscht (Scores × Ladungen)</translation>
    </message>
    <message>
        <source>Energy (keV)</source>
        <translation>Energie (keV)</translation>
    </message>
    <message>
        <source>Counts per channel</source>
        <translation>Zählungen pro Kanal</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::Histogram2DView</name>
    <message>
        <source>events (asinh scale)</source>
        <translation>Ereignisse (asinh-Skala)</translation>
    </message>
    <message>
        <source>%1 (%2 events, %3 more outside the plotted range)</source>
        <translation>%1 (%2 Ereignisse, %3 weitere außerhalb des gezeigten Bereichs)</translation>
    </message>
    <message>
        <source>%1 (%2 events)</source>
        <translation>%1 (%2 Ereignisse)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ImageDatasetDialog</name>
    <message>
        <source>Choose the image dataset</source>
        <translation>Bilddatensatz wählen</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <source>Frame size</source>
        <translation>Framegröße</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n image datasets (width x height; 3-D datasets are stacks of frames):</source>
        <translation>
            <numerusform>%1 enthält %n Bilddatensatz (Breite x Höhe; 3-D-Datensätze sind Stapel von Frames):</numerusform>
            <numerusform>%1 enthält %n Bilddatensätze (Breite x Höhe; 3-D-Datensätze sind Stapel von Frames):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ImagePanel</name>
    <message>
        <source>No image stack</source>
        <translation>Kein Bildstapel</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Frame fully labelled</source>
        <translation>Frame vollständig markiert</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Dataset…</source>
        <translation>Datensatz…</translation>
    </message>
    <message>
        <source>Choose another 2-D or 3-D dataset of the open file</source>
        <translation>Einen anderen 2-D- oder 3-D-Datensatz der offenen Datei wählen</translation>
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
        <translation>RBF-SVM auf Patch-Merkmalen oder ein kleines CNN auf den Patches; beide kalibriert</translation>
    </message>
    <message>
        <source>Save labels</source>
        <translation>Labels speichern</translation>
    </message>
    <message>
        <source>Export peaks…</source>
        <translation>Peaks exportieren…</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the frame as shown, with its candidates and labels, as a PNG report</source>
        <translation>Den Frame wie angezeigt, mit Kandidaten und Labels, als PNG-Bericht speichern</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <source>log</source>
        <translation>logarithmisch</translation>
    </message>
    <message>
        <source>asinh</source>
        <translation>asinh</translation>
    </message>
    <message>
        <source>Every peak of this frame is labelled: unlabelled candidates count as not peaks.</source>
        <translation>Jeder Peak dieses Frames ist markiert: unmarkierte Kandidaten gelten als keine Peaks.</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Frame</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Skala</translation>
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
        <translation>SNR</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <source>integrated</source>
        <translation>integriert</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>near mask</source>
        <translation>nahe Maske</translation>
    </message>
    <message>
        <source>recall (held-out frames)</source>
        <translation>Recall (zurückgehaltene Frames)</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Left click: peak. Right click: not a peak. Shift + left click: a peak the finder missed.</source>
        <translation>Linksklick: Peak. Rechtsklick: kein Peak. Umschalt + Linksklick: ein vom Finder übersehener Peak.</translation>
    </message>
    <message>
        <source>Save frame as PNG</source>
        <translation>Frame als PNG speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Save PNG</source>
        <translation>PNG speichern</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>Training abbrechen</translation>
    </message>
    <message>
        <source>Training: %1 %2 of %3</source>
        <translation>Training: %1 %2 von %3</translation>
    </message>
    <message>
        <source> Training cancelled.</source>
        <translation> Training abgebrochen.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Open image stack</source>
        <translation>Bildstapel öffnen</translation>
    </message>
    <message>
        <source>HDF5 image stacks (*.h5 *.hdf5 *.cxi *.nxs);;All files (*)</source>
        <translation>HDF5-Bildstapel (*.h5 *.hdf5 *.cxi *.nxs);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose dataset</source>
        <translation>Datensatz wählen</translation>
    </message>
    <message>
        <source>Export accepted peaks</source>
        <translation>Akzeptierte Peaks exportieren</translation>
    </message>
    <message>
        <source>CrystFEL stream (*.stream);;CSV (*.csv)</source>
        <translation>CrystFEL-Stream (*.stream);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export peaks</source>
        <translation>Peaks exportieren</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>Peak</translation>
    </message>
    <message>
        <source>not a peak</source>
        <translation>kein Peak</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>open an image stack first</source>
        <translation>zuerst einen Bildstapel öffnen</translation>
    </message>
    <message>
        <source>Training the %1 on the labelled frames…</source>
        <translation>%1 wird auf den markierten Frames trainiert…</translation>
    </message>
    <message>
        <source>training cancelled</source>
        <translation>Training abgebrochen</translation>
    </message>
    <message>
        <source>No image stack.</source>
        <translation>Kein Bildstapel.</translation>
    </message>
    <message>
        <source>Frame %1 of %2: %3 candidates</source>
        <translation>Frame %1 von %2: %3 Kandidaten</translation>
    </message>
    <message>
        <source>, %1 called peaks (p &gt;= %2). Held-out frames: precision %3 %, recall %4 %, F1 %5 %</source>
        <translation>, %1 als Peaks erkannt (p &gt;= %2). Zurückgehaltene Frames: Präzision %3 %, Recall %4 %, F1 %5 %</translation>
    </message>
    <message>
        <source>. Labels: %1 peaks, %2 not peaks%3.</source>
        <translation>. Labels: %1 Peaks, %2 keine Peaks%3.</translation>
    </message>
    <message>
        <source> (unsaved)</source>
        <translation> (nicht gespeichert)</translation>
    </message>
    <message>
        <source>the PNG could not be encoded</source>
        <translation>das PNG konnte nicht kodiert werden</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ImageView</name>
    <message>
        <source>x (fast scan, pixels)</source>
        <translation>x (schnelle Abtastrichtung, Pixel)</translation>
    </message>
    <message>
        <source>y (slow scan, pixels)</source>
        <translation>y (langsame Abtastrichtung, Pixel)</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linear</translation>
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
        <translation>Intensität (%1)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LatentScatterMatrixView</name>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Show only the test spectra whose predicted label set differs from the true one</source>
        <translation>Nur Testspektren zeigen, deren vorhergesagte Label-Menge von der wahren abweicht</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;No latent scores&lt;/p&gt;&lt;p&gt;Evaluate a latent model to see the scores of its training and test spectra.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Keine latenten Scores&lt;/p&gt;&lt;p&gt;Ein latentes Modell bewerten, um die Scores seiner Trainings- und Testspektren zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>%1 training and %2 test spectra; %3 test spectra misclassified.</source>
        <translation>%1 Trainings- und %2 Testspektren; %3 Testspektren falsch klassifiziert.</translation>
    </message>
    <message>
        <source>%1 of the component on each axis. Click a point to show its spectrum.</source>
        <translation>%1 der Komponente auf jeder Achse. Auf einen Punkt klicken, um sein Spektrum zu zeigen.</translation>
    </message>
    <message>
        <source>training spectrum</source>
        <translation>Trainingsspektrum</translation>
    </message>
    <message>
        <source>test spectrum</source>
        <translation>Testspektrum</translation>
    </message>
    <message>
        <source>Test spectrum %1: true %2, predicted %3. %4: %5</source>
        <translation>Testspektrum %1: wahr %2, vorhergesagt %3. %4: %5</translation>
    </message>
    <message>
        <source>Training spectrum %1: true %2, predicted %3. %4: %5</source>
        <translation>Trainingsspektrum %1: wahr %2, vorhergesagt %3. %4: %5</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LatentTrainingPage</name>
    <message>
        <source>Components and training source</source>
        <translation>Komponenten und Trainingsdaten</translation>
    </message>
    <message>
        <source>One component per checked single label (spectra whose label set is exactly that label), then background. Mixtures are not components.</source>
        <translation>Eine Komponente je angehaktem Einzellabel (Spektren, deren Label-Menge genau dieses Label ist), dann Untergrund. Mischungen sind keine Komponenten.</translation>
    </message>
    <message>
        <source>Components:</source>
        <translation>Komponenten:</translation>
    </message>
    <message>
        <source>any detector</source>
        <translation>beliebiger Detektor</translation>
    </message>
    <message>
        <source>Use isotope spectra of this detector only. GAMMA_FLOW&apos;s default training source is simulated isotopes plus measured background: enter simulated here and the background detector (e.g. left) below.</source>
        <translation>Nur Isotopspektren dieses Detektors verwenden. Die Standard-Trainingsdaten von GAMMA_FLOW sind simulierte Isotope plus gemessener Untergrund: hier simulated eingeben und unten den Untergrunddetektor (z. B. left).</translation>
    </message>
    <message>
        <source>Isotope detector:</source>
        <translation>Isotopdetektor:</translation>
    </message>
    <message>
        <source>Use background spectra of this detector only (e.g. left for the measured GAMMA_FLOW background).</source>
        <translation>Nur Untergrundspektren dieses Detektors verwenden (z. B. left für den gemessenen GAMMA_FLOW-Untergrund).</translation>
    </message>
    <message>
        <source>Background detector:</source>
        <translation>Untergrunddetektor:</translation>
    </message>
    <message>
        <source>Spectra are rebinned count-conserving onto the GAMMA_FLOW grid; each loading is the mean of its component&apos;s spectra, normalised to area 1 from the first fitted channel on.</source>
        <translation>Spektren werden impulserhaltend auf das GAMMA_FLOW-Raster umgebinnt; jede Ladung ist der Mittelwert der Spektren ihrer Komponente, ab dem ersten angepassten Kanal auf Fläche 1 normiert.</translation>
    </message>
    <message>
        <source>Energy grid:</source>
        <translation>Energieraster:</translation>
    </message>
    <message>
        <source>First channel of the fit (default 7): lower channels (noise, threshold) are ignored.</source>
        <translation>Erster Kanal des Fits (Standard 7): niedrigere Kanäle (Rauschen, Schwelle) werden ignoriert.</translation>
    </message>
    <message>
        <source>First fitted channel:</source>
        <translation>Erster Fit-Kanal:</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Unknown-isotope flag: every training spectrum is analysed by the trained model; a spectrum is flagged when its fit is worse than this quantile of theirs (default 0.99).</source>
        <translation>Markierung „unbekanntes Isotop“: Jedes Trainingsspektrum wird vom trainierten Modell analysiert; ein Spektrum wird markiert, wenn sein Fit schlechter als dieses Quantil ihrer Fits ist (Standard 0.99).</translation>
    </message>
    <message>
        <source>Unknown-flag quantile:</source>
        <translation>Quantil der Unbekannt-Markierung:</translation>
    </message>
    <message>
        <source>(none: check single-label sets)</source>
        <translation>(keine: Einzellabel-Mengen anhaken)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LatentViews</name>
    <message>
        <source>La&amp;tent Model Views</source>
        <translation>Latente &amp;Modellansichten</translation>
    </message>
    <message>
        <source>Denoised</source>
        <translation>Entrauscht</translation>
    </message>
    <message>
        <source>&amp;Denoised Spectrum</source>
        <translation>&amp;Entrauschtes Spektrum</translation>
    </message>
    <message>
        <source>The selected spectrum beside its reconstruction by the latent model, with the cosine similarity</source>
        <translation>Das gewählte Spektrum neben seiner Rekonstruktion durch das latente Modell, mit der Kosinus-Ähnlichkeit</translation>
    </message>
    <message>
        <source>Misclassified Spectra</source>
        <translation>Fehlklassifizierte Spektren</translation>
    </message>
    <message>
        <source>&amp;Misclassified Spectra</source>
        <translation>&amp;Fehlklassifizierte Spektren</translation>
    </message>
    <message>
        <source>Spectra the latent model got wrong, beside the loadings of their true and predicted components</source>
        <translation>Vom latenten Modell falsch erkannte Spektren neben den Ladungen ihrer wahren und vorhergesagten Komponenten</translation>
    </message>
    <message>
        <source>Mean Shares</source>
        <translation>Mittlere Anteile</translation>
    </message>
    <message>
        <source>Mean &amp;Shares per Label</source>
        <translation>&amp;Mittlere Anteile je Label</translation>
    </message>
    <message>
        <source>Mean latent share of every component per true label, as bars</source>
        <translation>Mittlerer latenter Anteil jeder Komponente je wahrem Label, als Balken</translation>
    </message>
    <message>
        <source>Loadings Similarity</source>
        <translation>Ähnlichkeit der Ladungen</translation>
    </message>
    <message>
        <source>Loadings S&amp;imilarity</source>
        <translation>Ä&amp;hnlichkeit der Ladungen</translation>
    </message>
    <message>
        <source>Cosine similarity of every pair of loadings: which components can be confused</source>
        <translation>Kosinus-Ähnlichkeit jedes Ladungspaars: welche Komponenten verwechselt werden können</translation>
    </message>
    <message>
        <source>Train or open a latent model first.</source>
        <translation>Zuerst ein latentes Modell trainieren oder öffnen.</translation>
    </message>
    <message>
        <source>Select a spectrum to see it beside its reconstruction by the latent model.</source>
        <translation>Ein Spektrum wählen, um es neben seiner Rekonstruktion durch das latente Modell zu sehen.</translation>
    </message>
    <message>
        <source>Classify labelled spectra with a latent model first.</source>
        <translation>Zuerst beschriftete Spektren mit einem latenten Modell klassifizieren.</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LiveActions</name>
    <message>
        <source>&amp;Watch Folder…</source>
        <translation>Ordner &amp;überwachen…</translation>
    </message>
    <message>
        <source>Rep&amp;lay Folder…</source>
        <translation>Ordner &amp;wiedergeben…</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LiveCharts</name>
    <message>
        <source>Count rate (cps)</source>
        <translation>Zählrate (cps)</translation>
    </message>
    <message>
        <source>count rate</source>
        <translation>Zählrate</translation>
    </message>
    <message>
        <source>rolling background</source>
        <translation>gleitender Untergrund</translation>
    </message>
    <message>
        <source>alarming interval</source>
        <translation>Alarmintervall</translation>
    </message>
    <message>
        <source>Excess (σ)</source>
        <translation>Überschuss (σ)</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Counts / s / channel</source>
        <translation>Zählungen / s / Kanal</translation>
    </message>
    <message>
        <source>Energy (keV)</source>
        <translation>Energie (keV)</translation>
    </message>
    <message>
        <source>latest spectrum</source>
        <translation>letztes Spektrum</translation>
    </message>
    <message>
        <source>running sum</source>
        <translation>laufende Summe</translation>
    </message>
    <message>
        <source>Spectrum #</source>
        <translation>Spektrum Nr.</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LiveControls</name>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source> σ</source>
        <translation> σ</translation>
    </message>
    <message>
        <source>Gross-count excess over the rolling background that makes an interval alarming</source>
        <translation>Überschuss der Bruttozählrate über dem gleitenden Untergrund, ab dem ein Intervall alarmierend ist</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Consecutive alarming intervals before the alarm is raised</source>
        <translation>Aufeinanderfolgende alarmierende Intervalle, bevor der Alarm ausgelöst wird</translation>
    </message>
    <message>
        <source>Raise after</source>
        <translation>Auslösen nach</translation>
    </message>
    <message>
        <source>Consecutive quiet intervals before the alarm is cleared</source>
        <translation>Aufeinanderfolgende ruhige Intervalle, bevor der Alarm aufgehoben wird</translation>
    </message>
    <message>
        <source>Clear after</source>
        <translation>Aufheben nach</translation>
    </message>
    <message>
        <source>An isotope is named in an alarm at or above this probability</source>
        <translation>Ein Isotop wird ab dieser Wahrscheinlichkeit im Alarm genannt</translation>
    </message>
    <message>
        <source>Name isotopes at p ≥</source>
        <translation>Isotope nennen bei p ≥</translation>
    </message>
    <message>
        <source>Model decisions alarm too</source>
        <translation>Modellentscheidungen lösen ebenfalls Alarm aus</translation>
    </message>
    <message>
        <source>An interval the model calls a source with a named isotope is alarming as well</source>
        <translation>Ein Intervall, das das Modell als Quelle mit benanntem Isotop einstuft, ist ebenfalls alarmierend</translation>
    </message>
    <message>
        <source>Weak sources and background</source>
        <translation>Schwache Quellen und Untergrund</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Also test the sum of the last N intervals</source>
        <translation>Auch die Summe der letzten N Intervalle prüfen</translation>
    </message>
    <message>
        <source>Sliding sum of</source>
        <translation>Gleitende Summe über</translation>
    </message>
    <message>
        <source>Cumulative sum since the start</source>
        <translation>Kumulierte Summe seit Beginn</translation>
    </message>
    <message>
        <source> intervals</source>
        <translation> Intervalle</translation>
    </message>
    <message>
        <source>The rolling background is the mean of the last N source-free intervals</source>
        <translation>Der gleitende Untergrund ist das Mittel der letzten N quellenfreien Intervalle</translation>
    </message>
    <message>
        <source>Background of</source>
        <translation>Untergrund über</translation>
    </message>
    <message>
        <source>Learn Background Again</source>
        <translation>Untergrund neu lernen</translation>
    </message>
    <message>
        <source>Export Alarm Log…</source>
        <translation>Alarmprotokoll exportieren…</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LiveWindow</name>
    <message>
        <source>&lt;b&gt;Alarm banner&lt;/b&gt;: red with the isotope, the time, the spectrum and the evidence while an alarm is up; green with the state otherwise.</source>
        <translation>&lt;b&gt;Alarmbanner&lt;/b&gt;: rot mit Isotop, Zeit, Spektrum und Begründung, solange ein Alarm besteht; sonst grün mit dem Zustand.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Strip charts&lt;/b&gt;: count rate with the rolling background, significance with the threshold, each isotope&apos;s probability; below, the latest spectrum and the running sum.</source>
        <translation>&lt;b&gt;Verlaufsdiagramme&lt;/b&gt;: Zählrate mit gleitendem Untergrund, Signifikanz mit Schwelle, Wahrscheinlichkeit jedes Isotops; darunter das neueste Spektrum und die laufende Summe.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Alarm settings&lt;/b&gt;: threshold in sigma, raise after / clear after N intervals, naming probability, sliding and cumulative sums, background length. Changes apply at once.</source>
        <translation>&lt;b&gt;Alarmeinstellungen&lt;/b&gt;: Schwelle in Sigma, auslösen nach / aufheben nach N Intervallen, Benennungswahrscheinlichkeit, gleitende und kumulative Summen, Untergrundlänge. Änderungen gelten sofort.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Alarm log&lt;/b&gt;: one row per alarm, raised and cleared; export it as CSV.</source>
        <translation>&lt;b&gt;Alarmprotokoll&lt;/b&gt;: eine Zeile je Alarm, ausgelöst und aufgehoben; als CSV exportierbar.</translation>
    </message>
    <message>
        <source>Live Monitoring — Photopeak</source>
        <translation>Live-Überwachung — Photopeak</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Aufgehoben</translation>
    </message>
    <message>
        <source>Isotopes</source>
        <translation>Isotope</translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>Spektrum</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Watch Folder…</source>
        <translation>Ordner überwachen…</translation>
    </message>
    <message>
        <source>Replay Folder…</source>
        <translation>Ordner wiedergeben…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Alarm log</source>
        <translation>Alarmprotokoll</translation>
    </message>
    <message>
        <source>Load or train a model first: live monitoring analyses every new spectrum with the current model.</source>
        <translation>Zuerst ein Modell laden oder trainieren: die Live-Überwachung analysiert jedes neue Spektrum mit dem aktuellen Modell.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Start…</translation>
    </message>
    <message>
        <source>No temporary folder for the replay: %1</source>
        <translation>Kein temporärer Ordner für die Wiedergabe: %1</translation>
    </message>
    <message>
        <source>Watch Folder</source>
        <translation>Ordner überwachen</translation>
    </message>
    <message>
        <source>Replay Measured Spectra From</source>
        <translation>Gemessene Spektren wiedergeben aus</translation>
    </message>
    <message>
        <source>Replay Speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <source>Times faster than measured (spectra come in acquisition order):</source>
        <translation>Wie viel schneller als gemessen (Spektren kommen in Aufnahmereihenfolge):</translation>
    </message>
    <message>
        <source>Export Alarm Log</source>
        <translation>Alarmprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>the alarm log cannot go into the watched folder</source>
        <translation>das Alarmprotokoll darf nicht im überwachten Ordner liegen</translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation>Überwache %1</translation>
    </message>
    <message>
        <source>Stopped (%1 spectra).</source>
        <translation>Angehalten (%1 Spektren).</translation>
    </message>
    <message numerus="yes">
        <source>Not watching. %n spectra analysed.</source>
        <translation>
            <numerusform>Keine Überwachung. %n Spektrum analysiert.</numerusform>
            <numerusform>Keine Überwachung. %n Spektren analysiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>%1; peak %2 σ</source>
        <translation>%1; Spitze %2 σ</translation>
    </message>
    <message>
        <source>Photopeak alarm: %1</source>
        <translation>Photopeak-Alarm: %1</translation>
    </message>
    <message>
        <source>Learning the background: %1 of %2 source-free intervals.</source>
        <translation>Untergrund wird gelernt: %1 von %2 quellenfreien Intervallen.</translation>
    </message>
    <message>
        <source>No alarm. Spectrum #%1: %2 cps, background %3 cps, %4 σ.</source>
        <translation>Kein Alarm. Spektrum Nr. %1: %2 cps, Untergrund %3 cps, %4 σ.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n spectra, decision %2 ms after the file was complete (median)</source>
        <translation>
            <numerusform>%1 — %n Spektrum, Entscheidung %2 ms nach Fertigstellung der Datei (Median)</numerusform>
            <numerusform>%1 — %n Spektren, Entscheidung %2 ms nach Fertigstellung der Datei (Median)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LiveWorker</name>
    <message>
        <source>No model to analyse with: load or train one first.</source>
        <translation>Kein Modell zur Analyse: zuerst eines laden oder trainieren.</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LoadingsSimilarityView</name>
    <message>
        <source>Save PNG…</source>
        <translation>PNG speichern…</translation>
    </message>
    <message>
        <source>Save this plot as a PNG image</source>
        <translation>Diese Grafik als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;No latent model&lt;/p&gt;&lt;p&gt;Train or open a latent model to see how similar its loadings are.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Kein latentes Modell&lt;/p&gt;&lt;p&gt;Ein latentes Modell trainieren oder öffnen, um zu sehen, wie ähnlich seine Ladungen sind.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cosine similarity of the loadings (channels ≥ %1): near 1 = components the fit can confuse</source>
        <translation>Kosinus-Ähnlichkeit der Ladungen (Kanäle ≥ %1): nahe 1 = Komponenten, die der Fit verwechseln kann</translation>
    </message>
    <message>
        <source>cosine similarity</source>
        <translation>Kosinus-Ähnlichkeit</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LoadingsView</name>
    <message>
        <source>Energy axis (keV)</source>
        <translation>Energieachse (keV)</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <source>Energy from the model&apos;s grid, or channel numbers</source>
        <translation>Energie aus dem Raster des Modells oder Kanalnummern</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;No latent model&lt;/p&gt;&lt;p&gt;Train or open a latent model to see its loadings.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Kein latentes Modell&lt;/p&gt;&lt;p&gt;Ein latentes Modell trainieren oder öffnen, um seine Ladungen zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Loadings: mean normalised spectrum of each component (area 1 over channels ≥ %1). Grey: channels below %1, not fitted.</source>
        <translation>Ladungen: mittleres normiertes Spektrum jeder Komponente (Fläche 1 über Kanäle ≥ %1). Grau: Kanäle unter %1, nicht angepasst.</translation>
    </message>
    <message>
        <source>Energy (keV)</source>
        <translation>Energie (keV)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::MainWindow</name>
    <message>
        <source>&amp;Manual</source>
        <translation>&amp;Handbuch</translation>
    </message>
    <message>
        <source>What&apos;s &amp;This?</source>
        <translation>&amp;Direkthilfe</translation>
    </message>
    <message>
        <source>F1 opens the manual at this panel.</source>
        <translation>F1 öffnet das Handbuch bei diesem Bereich.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Data browser&lt;/b&gt;: every opened spectrum with its labels, live time, counts and flags. Click rows to plot them; files that cannot be used stay listed with the reason.</source>
        <translation>&lt;b&gt;Datenbrowser&lt;/b&gt;: alle geöffneten Spektren mit Labels, Messzeit, Zählungen und Markierungen. Klicken Sie Zeilen an, um sie darzustellen; unbrauchbare Dateien bleiben mit dem Grund aufgeführt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spectrum&lt;/b&gt;: what the file says about the current spectrum: channels, times, distance, calibration, start, detector and the problems found.</source>
        <translation>&lt;b&gt;Spektrum&lt;/b&gt;: was die Datei über das aktuelle Spektrum angibt: Kanäle, Zeiten, Abstand, Kalibrierung, Start, Detektor und gefundene Probleme.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spectrum view&lt;/b&gt;: the selected spectra. Wheel zooms, drag pans, double-click resets; identified isotopes are shaded with opacity = probability.</source>
        <translation>&lt;b&gt;Spektrumansicht&lt;/b&gt;: die ausgewählten Spektren. Mausrad zoomt, Ziehen verschiebt, Doppelklick setzt zurück; erkannte Isotope sind mit Deckkraft = Wahrscheinlichkeit schattiert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Results&lt;/b&gt;: one row per classified spectrum with the decision, the source probability and each isotope&apos;s probability and activity. Click a row to see its spectrum.</source>
        <translation>&lt;b&gt;Ergebnisse&lt;/b&gt;: eine Zeile je klassifiziertem Spektrum mit Entscheidung, Quellenwahrscheinlichkeit sowie Wahrscheinlichkeit und Aktivität jedes Isotops. Klicken Sie eine Zeile an, um ihr Spektrum zu sehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training&lt;/b&gt;: choose the labelled spectra, the task, method and validation, and train a model; save and load models here.</source>
        <translation>&lt;b&gt;Training&lt;/b&gt;: wählen Sie die gelabelten Spektren, Aufgabe, Methode und Validierung und trainieren Sie ein Modell; Modelle werden hier gespeichert und geladen.</translation>
    </message>
    <message>
        <source>Open &amp;Hit Collection…</source>
        <translation>&amp;Treffersammlung öffnen…</translation>
    </message>
    <message>
        <source>Open CREDO &amp;JSON Export…</source>
        <translation>CREDO-&amp;JSON-Export öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Image Stack…</source>
        <translation>B&amp;ildstapel öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Event Table…</source>
        <translation>Ereignistabelle öff&amp;nen…</translation>
    </message>
    <message>
        <source>Use Selection as Session &amp;Background</source>
        <translation>Auswahl als &amp;Sitzungshintergrund verwenden</translation>
    </message>
    <message>
        <source>Clear Session Background</source>
        <translation>Sitzungshintergrund entfernen</translation>
    </message>
    <message>
        <source>Export Report as P&amp;DF…</source>
        <translation>Bericht als P&amp;DF exportieren…</translation>
    </message>
    <message>
        <source>Export Report as &amp;HTML…</source>
        <translation>Bericht als &amp;HTML exportieren…</translation>
    </message>
    <message>
        <source>Photopeak</source>
        <translation>Photopeak</translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>Spektrum</translation>
    </message>
    <message>
        <source>Open a spectrum file or a folder of spectra to begin.</source>
        <translation>Zum Beginnen eine Spektrumdatei oder einen Ordner mit Spektren öffnen.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Öffne %1…</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open one or more spectrum files (Ctrl+O)</source>
        <translation>Eine oder mehrere Spektrumdateien öffnen (Strg+O)</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Open every spectrum below a folder; folder names become labels (Ctrl+Shift+O)</source>
        <translation>Alle Spektren unterhalb eines Ordners öffnen; Ordnernamen werden zu Labels (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <source>&amp;Cancel Loading</source>
        <translation>Laden &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Filter Data…</source>
        <translation>&amp;Daten filtern…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Photopeak</source>
        <translation>Ü&amp;ber Photopeak</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>P&amp;anels</source>
        <translation>&amp;Fenster</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Spectra (%1)</source>
        <translation>Spektren (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Spectrum Files</source>
        <translation>Spektrumdateien öffnen</translation>
    </message>
    <message>
        <source>Open Folder of Spectra</source>
        <translation>Ordner mit Spektren öffnen</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — Photopeak</source>
        <translation>%1 — Photopeak</translation>
    </message>
    <message>
        <source>Opened %1 spectra from %2 in %3 s</source>
        <translation>%1 Spektren aus %2 in %3 s geöffnet</translation>
    </message>
    <message>
        <source>Loading cancelled; the previously opened data is unchanged.</source>
        <translation>Laden abgebrochen; die zuvor geöffneten Daten sind unverändert.</translation>
    </message>
    <message>
        <source>&amp;Classify Selection</source>
        <translation>Auswahl &amp;klassifizieren</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Klassifizieren</translation>
    </message>
    <message>
        <source>Classify the selected spectra with the current model (Ctrl+R)</source>
        <translation>Die ausgewählten Spektren mit dem aktuellen Modell klassifizieren (Strg+R)</translation>
    </message>
    <message>
        <source>Classify &amp;All</source>
        <translation>&amp;Alle klassifizieren</translation>
    </message>
    <message>
        <source>Classify every opened spectrum (Ctrl+Shift+R)</source>
        <translation>Alle geöffneten Spektren klassifizieren (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Cancel Classification</source>
        <translation>Klassifizierung abbrechen</translation>
    </message>
    <message>
        <source>&amp;Efficiency Curve for Activities…</source>
        <translation>&amp;Effizienzkurve für Aktivitäten…</translation>
    </message>
    <message>
        <source>Choose the detector&apos;s efficiency curve; with it, classification estimates the activity of every reported isotope</source>
        <translation>Die Effizienzkurve des Detektors wählen; damit schätzt die Klassifizierung die Aktivität jedes gemeldeten Isotops</translation>
    </message>
    <message>
        <source>Export Results as C&amp;SV…</source>
        <translation>Ergebnisse als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>Classification cancelled; the previous results are unchanged.</source>
        <translation>Klassifizierung abgebrochen; die bisherigen Ergebnisse sind unverändert.</translation>
    </message>
    <message>
        <source>Classifying %1 / %2</source>
        <translation>Klassifiziere %1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>Classifying %n spectra with %1…</source>
        <translation>
            <numerusform>Klassifiziere %n Spektrum mit %1…</numerusform>
            <numerusform>Klassifiziere %n Spektren mit %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Classified %1 spectra in %2 s with %3</source>
        <translation>%1 Spektren in %2 s mit %3 klassifiziert</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n rows to %1</source>
        <translation>
            <numerusform>%n Zeile nach %1 geschrieben</numerusform>
            <numerusform>%n Zeilen nach %1 geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Loaded classifier %1</source>
        <translation>Klassifikator %1 geladen</translation>
    </message>
    <message>
        <source>Loaded latent model %1</source>
        <translation>Latentes Modell %1 geladen</translation>
    </message>
    <message>
        <source>Efficiency Curve</source>
        <translation>Effizienzkurve</translation>
    </message>
    <message>
        <source>Efficiency curves (*.json);;All files (*)</source>
        <translation>Effizienzkurven (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Loadings</source>
        <translation>Ladungen</translation>
    </message>
    <message>
        <source>Latent Space</source>
        <translation>Latenter Raum</translation>
    </message>
    <message>
        <source>Confusion Matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Misclassification</source>
        <translation>Fehlklassifikation</translation>
    </message>
    <message>
        <source>Loadings of the latent model: one mean normalised spectrum per component</source>
        <translation>Ladungen des latenten Modells: ein mittleres normiertes Spektrum je Komponente</translation>
    </message>
    <message>
        <source>Latent shares of the classified spectra, pairwise; click a point to see its spectrum</source>
        <translation>Latente Anteile der klassifizierten Spektren, paarweise; auf einen Punkt klicken, um sein Spektrum zu sehen</translation>
    </message>
    <message>
        <source>Classified spectra against the labels of their folders and file names</source>
        <translation>Klassifizierte Spektren im Vergleich mit den Labels ihrer Ordner- und Dateinamen</translation>
    </message>
    <message>
        <source>How accuracy grows when only confident results are kept</source>
        <translation>Wie die Genauigkeit steigt, wenn nur sichere Ergebnisse behalten werden</translation>
    </message>
    <message>
        <source>The classified spectra carry no labels (folder or file names): the confusion matrix and misclassification views stay empty.</source>
        <translation>Die klassifizierten Spektren tragen keine Labels (Ordner- oder Dateinamen): Konfusionsmatrix und Fehlklassifikationsansicht bleiben leer.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Untergrund</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>trained in this session</source>
        <translation>in dieser Sitzung trainiert</translation>
    </message>
    <message>
        <source>Classifier ready: Analysis ▸ Classify (Ctrl+R) to use it.</source>
        <translation>Klassifikator bereit: zum Anwenden Analyse ▸ Klassifizieren (Strg+R).</translation>
    </message>
    <message>
        <source>Latent model ready: its loadings are shown; classify to see the latent space.</source>
        <translation>Latentes Modell bereit: seine Ladungen werden gezeigt; klassifizieren, um den latenten Raum zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Training Panel</source>
        <translation>&amp;Trainingsbereich</translation>
    </message>
    <message>
        <source>A background overlay needs a readable spectrum with a live time.</source>
        <translation>Eine Untergrund-Überlagerung braucht ein lesbares Spektrum mit Live-Zeit.</translation>
    </message>
    <message>
        <source>Background overlay: %1 (scaled by live time)</source>
        <translation>Untergrund-Überlagerung: %1 (nach Live-Zeit skaliert)</translation>
    </message>
    <message>
        <source>Export PNG &amp;Reports…</source>
        <translation>PNG-&amp;Berichte exportieren…</translation>
    </message>
    <message>
        <source>One PNG per classified spectrum: annotated spectrum, results, header and model</source>
        <translation>Ein PNG je klassifiziertem Spektrum: annotiertes Spektrum, Ergebnisse, Kopfdaten und Modell</translation>
    </message>
    <message numerus="yes">
        <source>Report export cancelled after %n reports</source>
        <translation>
            <numerusform>Berichtsexport nach %n Bericht abgebrochen</numerusform>
            <numerusform>Berichtsexport nach %n Berichten abgebrochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n PNG reports</source>
        <translation>
            <numerusform>%n PNG-Bericht geschrieben</numerusform>
            <numerusform>%n PNG-Berichte geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n failed: </source>
        <translation>
            <numerusform>; %n fehlgeschlagen: </numerusform>
            <numerusform>; %n fehlgeschlagen: </numerusform>
        </translation>
    </message>
    <message>
        <source>PNG Reports</source>
        <translation>PNG-Berichte</translation>
    </message>
    <message>
        <source>Folder for PNG Reports</source>
        <translation>Ordner für PNG-Berichte</translation>
    </message>
    <message>
        <source>A report export is already running.</source>
        <translation>Ein Berichtsexport läuft bereits.</translation>
    </message>
    <message>
        <source>Writing reports %1 / %2</source>
        <translation>Schreibe Berichte %1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>Writing %n PNG reports to %1…</source>
        <translation>
            <numerusform>Schreibe %n PNG-Bericht nach %1…</numerusform>
            <numerusform>Schreibe %n PNG-Berichte nach %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Use the Shipped &amp;XGD Efficiency Curve</source>
        <translation>Mitgelieferte &amp;XGD-Effizienzkurve verwenden</translation>
    </message>
    <message>
        <source>Activities with the efficiency curve fitted from the XGD reference sources (only valid for the XGD detector)</source>
        <translation>Aktivitäten mit der aus den XGD-Referenzquellen angepassten Effizienzkurve (nur für den XGD-Detektor gültig)</translation>
    </message>
    <message>
        <source>The shipped efficiency curve is not installed.</source>
        <translation>Die mitgelieferte Effizienzkurve ist nicht installiert.</translation>
    </message>
    <message>
        <source>Activities will use the efficiency curve %1; classify again to estimate them</source>
        <translation>Aktivitäten verwenden die Effizienzkurve %1; erneut klassifizieren, um sie zu schätzen</translation>
    </message>
    <message>
        <source>Rank Nuclides from &amp;Peaks</source>
        <translation>Nuklide aus &amp;Peaks einstufen</translation>
    </message>
    <message>
        <source>Beside the model&apos;s result, rank nuclides from the fitted peaks (slower on large folders)</source>
        <translation>Neben dem Ergebnis des Modells Nuklide aus den angepassten Peaks einstufen (langsamer bei großen Ordnern)</translation>
    </message>
    <message>
        <source>Stop reading (Esc); the previously opened data stays</source>
        <translation>Lesen abbrechen (Esc); die zuvor geöffneten Daten bleiben</translation>
    </message>
    <message>
        <source>Reading spectra %1 / %2</source>
        <translation>Lese Spektren %1 / %2</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>One vector PDF: a summary table, then one page per classified spectrum</source>
        <translation>Ein Vektor-PDF: eine Übersichtstabelle, dann eine Seite pro klassifiziertem Spektrum</translation>
    </message>
    <message>
        <source>One self-contained web page to share: summary table and every page as an image</source>
        <translation>Eine eigenständige Webseite zum Teilen: Übersichtstabelle und jede Seite als Bild</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Detection uses the model&apos;s training background again</source>
        <translation>Die Detektion verwendet wieder den Trainingsuntergrund des Modells</translation>
    </message>
    <message>
        <source>is a spectrum file of the open data set; choose another name</source>
        <translation>ist eine Spektrumdatei des offenen Datensatzes; bitte einen anderen Namen wählen</translation>
    </message>
    <message>
        <source>Cannot write the results: %1</source>
        <translation>Die Ergebnisse können nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Folder for the PDF Report</source>
        <translation>Ordner für den PDF-Bericht</translation>
    </message>
    <message>
        <source>Folder for the HTML Report</source>
        <translation>Ordner für den HTML-Bericht</translation>
    </message>
    <message>
        <source>%1: a %2 model (%3) does not analyse spectra; open it in its own workflow</source>
        <translation>%1: ein Modell vom Typ %2 (%3) analysiert keine Spektren; öffnen Sie es in seinem eigenen Arbeitsbereich</translation>
    </message>
    <message>
        <source>Session Background</source>
        <translation>Sitzungsuntergrund</translation>
    </message>
    <message>
        <source>Load or train a classifier and select the background spectra of this session first.</source>
        <translation>Zuerst einen Klassifikator laden oder trainieren und die Untergrundspektren dieser Sitzung auswählen.</translation>
    </message>
    <message>
        <source>selection</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Session background: %1; classify again to use it</source>
        <translation>Sitzungsuntergrund: %1; erneut klassifizieren, um ihn zu verwenden</translation>
    </message>
    <message>
        <source>The classified spectra carry no labels (folder or file names).</source>
        <translation>Die klassifizierten Spektren tragen keine Labels (Ordner- oder Dateinamen).</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ManualWindow</name>
    <message>
        <source>Photopeak Manual</source>
        <translation>Photopeak-Handbuch</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>Data browser</source>
        <translation>Datenbrowser</translation>
    </message>
    <message>
        <source>Spectrum information panel</source>
        <translation>Spektrum-Infobereich</translation>
    </message>
    <message>
        <source>Spectrum view</source>
        <translation>Spektrumansicht</translation>
    </message>
    <message>
        <source>Analysis menu</source>
        <translation>Menü „Analyse“</translation>
    </message>
    <message>
        <source>Results panel</source>
        <translation>Ergebnisbereich</translation>
    </message>
    <message>
        <source>Training panel</source>
        <translation>Trainingsbereich</translation>
    </message>
    <message>
        <source>Model views</source>
        <translation>Modellansichten</translation>
    </message>
    <message>
        <source>Live monitoring</source>
        <translation>Live-Überwachung</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Detector images</source>
        <translation>Detektorbilder</translation>
    </message>
    <message>
        <source>Event tables</source>
        <translation>Ereignistabellen</translation>
    </message>
    <message>
        <source>Cosmic-ray hits</source>
        <translation>Treffer kosmischer Strahlung</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Command line (photopeak-cli)</source>
        <translation>Kommandozeile (photopeak-cli)</translation>
    </message>
    <message>
        <source>Batch runs on a cluster (SLURM)</source>
        <translation>Stapelläufe auf einem Cluster (SLURM)</translation>
    </message>
    <message>
        <source>File formats</source>
        <translation>Dateiformate</translation>
    </message>
    <message>
        <source>Safety of your files</source>
        <translation>Sicherheit Ihrer Dateien</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>The manual is missing from this build.</source>
        <translation>Das Handbuch fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>Headings are shown in your language; the text of the manual is in English.</source>
        <translation>Überschriften werden in Ihrer Sprache angezeigt; der Text des Handbuchs ist Englisch.</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::MeanSharesView</name>
    <message>
        <source>Save PNG…</source>
        <translation>PNG speichern…</translation>
    </message>
    <message>
        <source>Save this plot as a PNG image</source>
        <translation>Diese Grafik als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Classify labelled spectra with a latent model to see its mean shares per true label.</source>
        <translation>Beschriftete Spektren mit einem latenten Modell klassifizieren, um seine mittleren Anteile je wahrem Label zu sehen.</translation>
    </message>
    <message>
        <source>Mean shares per true label</source>
        <translation>Mittlere Anteile je wahrem Label</translation>
    </message>
    <message>
        <source>No labelled spectra with latent scores.</source>
        <translation>Keine beschrifteten Spektren mit latenten Scores.</translation>
    </message>
    <message>
        <source>Mean share of each component per true label (share = score / sum of scores)</source>
        <translation>Mittlerer Anteil jeder Komponente je wahrem Label (Anteil = Score / Summe der Scores)</translation>
    </message>
    <message>
        <source>background</source>
        <translation>Untergrund</translation>
    </message>
    <message>
        <source>n = %1</source>
        <translation>n = %1</translation>
    </message>
    <message>
        <source>True label</source>
        <translation>Wahres Label</translation>
    </message>
    <message>
        <source>Mean share</source>
        <translation>Mittlerer Anteil</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::MisclassificationView</name>
    <message>
        <source>Quantity:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;No classified spectra&lt;/p&gt;&lt;p&gt;Evaluate a model on labelled spectra to see how accuracy depends on a confidence threshold.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Keine klassifizierten Spektren&lt;/p&gt;&lt;p&gt;Ein Modell an gelabelten Spektren bewerten, um zu sehen, wie die Genauigkeit von einer Konfidenzschwelle abhängt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>No spectra</source>
        <translation>Keine Spektren</translation>
    </message>
    <message>
        <source>0 % of spectra classified</source>
        <translation>0 % der Spektren klassifiziert</translation>
    </message>
    <message>
        <source>%1 % of spectra classified with accuracy %2 %</source>
        <translation>%1 % klassifiziert, Genauigkeit %2 %</translation>
    </message>
    <message>
        <source>correct (upward)</source>
        <translation>richtig (nach oben)</translation>
    </message>
    <message>
        <source>wrong (downward)</source>
        <translation>falsch (nach unten)</translation>
    </message>
    <message>
        <source>Spectra</source>
        <translation>Spektren</translation>
    </message>
    <message>
        <source>spectra kept (value ≥ threshold)</source>
        <translation>behaltene Spektren (Wert ≥ Schwelle)</translation>
    </message>
    <message>
        <source>accuracy of the kept spectra</source>
        <translation>Genauigkeit der behaltenen Spektren</translation>
    </message>
    <message>
        <source>Kept, accuracy (%)</source>
        <translation>Behalten, Genauigkeit (%)</translation>
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
        <translation>Fehlklassifiziertes Spektrum: wahre Labels → vorhergesagt</translation>
    </message>
    <message>
        <source>Show Spectrum</source>
        <translation>Spektrum zeigen</translation>
    </message>
    <message>
        <source>Select this spectrum in the data browser</source>
        <translation>Dieses Spektrum im Datenbrowser auswählen</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>PNG speichern…</translation>
    </message>
    <message>
        <source>Save this plot as a PNG image</source>
        <translation>Diese Grafik als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Classify labelled spectra with a latent model to see the ones it got wrong.</source>
        <translation>Beschriftete Spektren mit einem latenten Modell klassifizieren, um die falsch erkannten zu sehen.</translation>
    </message>
    <message>
        <source>Misclassified spectra</source>
        <translation>Fehlklassifizierte Spektren</translation>
    </message>
    <message>
        <source>All %1 labelled spectra were classified correctly.</source>
        <translation>Alle %1 beschrifteten Spektren wurden richtig klassifiziert.</translation>
    </message>
    <message>
        <source>%1 of %2 wrong:</source>
        <translation>%1 von %2 falsch:</translation>
    </message>
    <message>
        <source>%1 — true %2 → predicted %3</source>
        <translation>%1 — wahr %2 → vorhergesagt %3</translation>
    </message>
    <message>
        <source>%1: true %2, predicted %3 · cosine similarity %4</source>
        <translation>%1: wahr %2, vorhergesagt %3 · Kosinus-Ähnlichkeit %4</translation>
    </message>
    <message>
        <source>Energy (keV)</source>
        <translation>Energie (keV)</translation>
    </message>
    <message>
        <source>Fraction of counts per channel</source>
        <translation>Anteil der Zählungen pro Kanal</translation>
    </message>
    <message>
        <source>spectrum</source>
        <translation>Spektrum</translation>
    </message>
    <message>
        <source>denoised</source>
        <translation>entrauscht</translation>
    </message>
    <message>
        <source>true and predicted</source>
        <translation>wahr und vorhergesagt</translation>
    </message>
    <message>
        <source>true, missed</source>
        <translation>wahr, verpasst</translation>
    </message>
    <message>
        <source>predicted, wrong</source>
        <translation>vorhergesagt, falsch</translation>
    </message>
    <message>
        <source>%1 (%2): score %3, share %4 %</source>
        <translation>%1 (%2): Score %3, Anteil %4 %</translation>
    </message>
    <message>
        <source>Loading (area 1)</source>
        <translation>Ladung (Fläche 1)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::NuclidePicker</name>
    <message>
        <source>&amp;Escape and sum lines</source>
        <translation>&amp;Escape- und Summenlinien</translation>
    </message>
    <message>
        <source>Search: Cs137, caesium, Cs, or an energy such as 662</source>
        <translation>Suche: Cs137, Caesium, Cs oder eine Energie wie 662</translation>
    </message>
    <message>
        <source>Nuclide</source>
        <translation>Nuklid</translation>
    </message>
    <message>
        <source>Half-life</source>
        <translation>Halbwertszeit</translation>
    </message>
    <message>
        <source>Strongest lines (keV, per decay)</source>
        <translation>Stärkste Linien (keV, pro Zerfall)</translation>
    </message>
    <message>
        <source>Single and double escape lines (E − 511, E − 1022 keV) above 1.1 MeV and the sum of the two strongest lines</source>
        <translation>Einfach- und Doppel-Escape-Linien (E − 511, E − 1022 keV) über 1,1 MeV und die Summe der zwei stärksten Linien</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ParameterForm</name>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Show every option</source>
        <translation>Alle Optionen zeigen</translation>
    </message>
    <message>
        <source>Also show the options that are rarely changed (all of them are stored in the model).</source>
        <translation>Auch selten geänderte Optionen zeigen (alle werden im Modell gespeichert).</translation>
    </message>
    <message>
        <source>Command line: --%1; default %2.</source>
        <translation>Befehlszeile: --%1; Standard %2.</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::PeakTableModel</name>
    <message>
        <source>ch %1</source>
        <translation>K %1</translation>
    </message>
    <message>
        <source>%1 ch</source>
        <translation>%1 K</translation>
    </message>
    <message>
        <source>%1 keV</source>
        <translation>%1 keV</translation>
    </message>
    <message>
        <source>%1 %2 keV</source>
        <translation>%1 %2 keV</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Energy (keV)</source>
        <translation>Energie (keV)</translation>
    </message>
    <message>
        <source>Centroid</source>
        <translation>Schwerpunkt</translation>
    </message>
    <message>
        <source>FWHM (keV)</source>
        <translation>FWHM (keV)</translation>
    </message>
    <message>
        <source>FWHM</source>
        <translation>FWHM</translation>
    </message>
    <message>
        <source>Net area</source>
        <translation>Nettofläche</translation>
    </message>
    <message>
        <source>Signif. (σ)</source>
        <translation>Signif. (σ)</translation>
    </message>
    <message>
        <source>Continuum</source>
        <translation>Untergrund</translation>
    </message>
    <message>
        <source>Assigned line</source>
        <translation>Zugeordnete Linie</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Bemerkung</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::PlotExport</name>
    <message>
        <source>Save View as PNG</source>
        <translation>Ansicht als PNG speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A change of language takes effect after a restart of Photopeak.</source>
        <translation>Ein Sprachwechsel wird nach einem Neustart von Photopeak wirksam.</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ProblemText</name>
    <message>
        <source>all-zero</source>
        <translation>alles null</translation>
    </message>
    <message>
        <source>all counts are zero (aborted acquisition)</source>
        <translation>alle Zählwerte sind null (abgebrochene Messung)</translation>
    </message>
    <message>
        <source>bad-live-time</source>
        <translation>Live-Zeit ungültig</translation>
    </message>
    <message>
        <source>live time is zero, negative or not a number</source>
        <translation>Live-Zeit ist null, negativ oder keine Zahl</translation>
    </message>
    <message>
        <source>slope-0</source>
        <translation>Steigung 0</translation>
    </message>
    <message>
        <source>calibration slope is 0 or missing (.sps files get the default XGD calibration)</source>
        <translation>Steigung der Kalibrierung ist 0 oder fehlt (.sps-Dateien erhalten die XGD-Standardkalibrierung)</translation>
    </message>
    <message>
        <source>bad-calibration</source>
        <translation>Kalibrierung ungültig</translation>
    </message>
    <message>
        <source>energy calibration is not valid</source>
        <translation>Energiekalibrierung ist ungültig</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <source>file is shorter than its header says</source>
        <translation>Datei ist kürzer, als ihr Kopf angibt</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>file cannot be read</source>
        <translation>Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>unknown-format</source>
        <translation>unbekanntes Format</translation>
    </message>
    <message>
        <source>no reader understands this file</source>
        <translation>kein Leser versteht diese Datei</translation>
    </message>
    <message>
        <source>nan-counts</source>
        <translation>NaN-Zählwerte</translation>
    </message>
    <message>
        <source>counts contain NaN or infinity, or their total is not finite</source>
        <translation>Zählwerte enthalten NaN oder Unendlich, oder ihre Summe ist nicht endlich</translation>
    </message>
    <message>
        <source>negative-counts</source>
        <translation>negative Zählwerte</translation>
    </message>
    <message>
        <source>counts contain negative values</source>
        <translation>Zählwerte enthalten negative Werte</translation>
    </message>
    <message>
        <source>no-live-time</source>
        <translation>keine Live-Zeit</translation>
    </message>
    <message>
        <source>the file has no live time</source>
        <translation>die Datei hat keine Live-Zeit</translation>
    </message>
    <message>
        <source>distance-0</source>
        <translation>Abstand 0</translation>
    </message>
    <message>
        <source>source distance is 0 (unknown)</source>
        <translation>Quellabstand ist 0 (unbekannt)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::RecentPathsMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>No longer exists</source>
        <translation>Existiert nicht mehr</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ReportDocument</name>
    <message>
        <source>not analysed</source>
        <translation>nicht analysiert</translation>
    </message>
    <message>
        <source>Photopeak report</source>
        <translation>Photopeak-Bericht</translation>
    </message>
    <message>
        <source>cannot start the PDF</source>
        <translation>das PDF kann nicht begonnen werden</translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>Spektrum</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Reported isotopes</source>
        <translation>Gemeldete Isotope</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message numerus="yes">
        <source>Photopeak report: %n spectra</source>
        <translation>
            <numerusform>Photopeak-Bericht: %n Spektrum</numerusform>
            <numerusform>Photopeak-Bericht: %n Spektren</numerusform>
        </translation>
    </message>
    <message>
        <source>Summary, page %1 of %2 · %3</source>
        <translation>Übersicht, Seite %1 von %2 · %3</translation>
    </message>
    <message>
        <source>no report document is open</source>
        <translation>kein Berichtsdokument geöffnet</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ReportExporter</name>
    <message>
        <source>a report export is already running</source>
        <translation>ein Berichtsexport läuft bereits</translation>
    </message>
    <message>
        <source>no spectra to export</source>
        <translation>keine Spektren zum Exportieren</translation>
    </message>
    <message>
        <source>no output folder given</source>
        <translation>kein Ausgabeordner angegeben</translation>
    </message>
    <message>
        <source>cannot create the output folder</source>
        <translation>der Ausgabeordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Writing reports</source>
        <translation>Berichte schreiben</translation>
    </message>
    <message>
        <source>Export cancelled after %1 of %2 spectra.</source>
        <translation>Export nach %1 von %2 Spektren abgebrochen.</translation>
    </message>
    <message>
        <source>%1: no spectrum for this result</source>
        <translation>%1: kein Spektrum zu diesem Ergebnis</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no channels to draw</source>
        <translation>%1: keine Kanäle zum Zeichnen</translation>
    </message>
    <message>
        <source>%1: nothing to draw</source>
        <translation>%1: nichts zu zeichnen</translation>
    </message>
    <message>
        <source>%1: cannot encode %2 as PNG</source>
        <translation>%1: %2 kann nicht als PNG kodiert werden</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ReportRenderer</name>
    <message>
        <source>Latent model</source>
        <translation>Latentes Modell</translation>
    </message>
    <message>
        <source>Latent model: not drawn, the spectrum is outside its domain (%1).</source>
        <translation>Latentes Modell: nicht gezeichnet, das Spektrum liegt außerhalb seines Gültigkeitsbereichs (%1).</translation>
    </message>
    <message>
        <source>The background could not be drawn on this axis.</source>
        <translation>Der Untergrund konnte auf dieser Achse nicht gezeichnet werden.</translation>
    </message>
    <message>
        <source>No nuclide library (%1): isotope regions are not shaded.</source>
        <translation>Keine Nuklidbibliothek (%1): Isotopbereiche sind nicht schattiert.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>This spectrum was not analysed.</source>
        <translation>Dieses Spektrum wurde nicht analysiert.</translation>
    </message>
    <message>
        <source>Source present</source>
        <translation>Quelle vorhanden</translation>
    </message>
    <message>
        <source>Background only</source>
        <translation>Nur Untergrund</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Source probability</source>
        <translation>Quellwahrscheinlichkeit</translation>
    </message>
    <message>
        <source>— (detection by the sigma test)</source>
        <translation>— (Nachweis durch den Sigma-Test)</translation>
    </message>
    <message>
        <source>Sigma test</source>
        <translation>Sigma-Test</translation>
    </message>
    <message>
        <source>%1 σ over the reference background%2</source>
        <translation>%1 σ über dem Referenzuntergrund%2</translation>
    </message>
    <message>
        <source> (source)</source>
        <translation> (Quelle)</translation>
    </message>
    <message>
        <source>Unknown isotope</source>
        <translation>Unbekanntes Isotop</translation>
    </message>
    <message>
        <source>flagged: the spectrum is not explained by the model&apos;s isotopes</source>
        <translation>markiert: Das Spektrum wird durch die Isotope des Modells nicht erklärt</translation>
    </message>
    <message>
        <source>not flagged</source>
        <translation>nicht markiert</translation>
    </message>
    <message>
        <source>The model has no isotope identification.</source>
        <translation>Das Modell hat keine Isotopidentifikation.</translation>
    </message>
    <message>
        <source>Isotope</source>
        <translation>Isotop</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Gemeldet</translation>
    </message>
    <message>
        <source>&lt; %1 (MDA)</source>
        <translation>&lt; %1 (NWG)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message numerus="yes">
        <source>… %n more isotope(s) with lower probability</source>
        <translation>
            <numerusform>… %n weiteres Isotop mit geringerer Wahrscheinlichkeit</numerusform>
            <numerusform>… %n weitere Isotope mit geringerer Wahrscheinlichkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>Spektrum</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <source> (%1 counts/s)</source>
        <translation> (%1 Impulse/s)</translation>
    </message>
    <message>
        <source>Total counts</source>
        <translation>Impulse gesamt</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Nuclide library %1</source>
        <translation>Nuklidbibliothek %1</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Photopeak report · %1</source>
        <translation>Photopeak-Bericht · %1</translation>
    </message>
    <message>
        <source>Not analysed</source>
        <translation>Nicht analysiert</translation>
    </message>
    <message>
        <source>Source detected</source>
        <translation>Quelle nachgewiesen</translation>
    </message>
    <message>
        <source>no isotope above the model&apos;s threshold</source>
        <translation>kein Isotop über der Schwelle des Modells</translation>
    </message>
    <message>
        <source>unknown isotope flagged</source>
        <translation>unbekanntes Isotop markiert</translation>
    </message>
    <message>
        <source> (row %1)</source>
        <translation> (Zeile %1)</translation>
    </message>
    <message>
        <source>Photopeak %1 · %2</source>
        <translation>Photopeak %1 · %2</translation>
    </message>
    <message>
        <source>nothing to draw (no spectrum or an empty page size)</source>
        <translation>nichts zu zeichnen (kein Spektrum oder leere Seitengröße)</translation>
    </message>
    <message>
        <source>cannot encode the report as PNG</source>
        <translation>der Bericht kann nicht als PNG kodiert werden</translation>
    </message>
    <message>
        <source>Shown up to %1 keV of %2 keV.</source>
        <translation>Gezeigt bis %1 keV von %2 keV.</translation>
    </message>
    <message>
        <source>%1 cm</source>
        <translation>%1 cm</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source> (header: %1 cm)</source>
        <translation> (Kopfdaten: %1 cm)</translation>
    </message>
    <message>
        <source>Distance used</source>
        <translation>Verwendeter Abstand</translation>
    </message>
    <message>
        <source>From the peaks</source>
        <translation>Aus den Peaks</translation>
    </message>
    <message>
        <source>Unknown (out of domain)</source>
        <translation>Unbekannt (außerhalb des Modellbereichs)</translation>
    </message>
    <message>
        <source>Model domain</source>
        <translation>Modellbereich</translation>
    </message>
    <message>
        <source>outside: %1</source>
        <translation>außerhalb: %1</translation>
    </message>
    <message>
        <source>Detection threshold</source>
        <translation>Detektionsschwelle</translation>
    </message>
    <message>
        <source>P(source) ≥ %1</source>
        <translation>P(Quelle) ≥ %1</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ResultEvaluation</name>
    <message>
        <source>Source probability</source>
        <translation>Quellwahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Total counts</source>
        <translation>Impulse gesamt</translation>
    </message>
    <message>
        <source>Certainty of the least certain isotope</source>
        <translation>Sicherheit des unsichersten Isotops</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ResultsDock</name>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Filter results (file, isotope, decision)…</source>
        <translation>Ergebnisse filtern (Datei, Isotop, Entscheidung)…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Backgrounds</source>
        <translation>Nur Untergrund</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Unknown isotope</source>
        <translation>Unbekanntes Isotop</translation>
    </message>
    <message>
        <source>Show only some of the results</source>
        <translation>Nur einen Teil der Ergebnisse zeigen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Write the results table (all rows, every column) to a CSV file</source>
        <translation>Die Ergebnistabelle (alle Zeilen und Spalten) in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <source>PNG Reports…</source>
        <translation>PNG-Berichte…</translation>
    </message>
    <message>
        <source>Write one PNG report per classified spectrum to a folder</source>
        <translation>Je klassifiziertem Spektrum einen PNG-Bericht in einen Ordner schreiben</translation>
    </message>
    <message>
        <source>No results yet: train or load a model, then Analysis ▸ Classify.</source>
        <translation>Noch keine Ergebnisse: ein Modell trainieren oder laden, dann Analyse ▸ Klassifizieren.</translation>
    </message>
    <message>
        <source>%1 spectra: %2 source, %3 background, %4 skipped</source>
        <translation>%1 Spektren: %2 Quelle, %3 Untergrund, %4 übersprungen</translation>
    </message>
    <message>
        <source>, %1 with an unknown isotope</source>
        <translation>, %1 mit unbekanntem Isotop</translation>
    </message>
    <message>
        <source> (%1 shown)</source>
        <translation> (%1 angezeigt)</translation>
    </message>
    <message>
        <source>, &lt;b&gt;%1 out of the model&apos;s domain&lt;/b&gt; (unknown, peak evidence shown)</source>
        <translation>, &lt;b&gt;%1 außerhalb des Modellbereichs&lt;/b&gt; (unbekannt, Peak-Belege angezeigt)</translation>
    </message>
    <message>
        <source> · detection threshold P(source) ≥ %1 %</source>
        <translation> · Detektionsschwelle P(Quelle) ≥ %1 %</translation>
    </message>
    <message>
        <source> · training background</source>
        <translation> · Trainingsuntergrund</translation>
    </message>
    <message>
        <source> · &lt;b&gt;session background&lt;/b&gt; %1</source>
        <translation> · &lt;b&gt;Sitzungsuntergrund&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ResultsModel</name>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Untergrund</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <translation>&lt; %1</translation>
    </message>
    <message>
        <source>Not detected; minimum detectable activity %1</source>
        <translation>Nicht nachgewiesen; Nachweisgrenze der Aktivität %1</translation>
    </message>
    <message>
        <source>%1 σ</source>
        <translation>%1 σ</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The latent model fits this spectrum worse than any training spectrum: an isotope it does not know may be present.</source>
        <translation>Das latente Modell beschreibt dieses Spektrum schlechter als jedes Trainingsspektrum: Möglicherweise ist ein ihm unbekanntes Isotop vorhanden.</translation>
    </message>
    <message>
        <source>P(%1)</source>
        <translation>P(%1)</translation>
    </message>
    <message>
        <source>Calibrated probability that %1 is present</source>
        <translation>Kalibrierte Wahrscheinlichkeit, dass %1 vorhanden ist</translation>
    </message>
    <message>
        <source>A(%1)</source>
        <translation>A(%1)</translation>
    </message>
    <message>
        <source>Activity of %1 ± 1σ, or the detection limit when not detected</source>
        <translation>Aktivität von %1 ± 1σ oder die Nachweisgrenze, wenn nicht nachgewiesen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>P(source)</source>
        <translation>P(Quelle)</translation>
    </message>
    <message>
        <source>Calibrated probability that a source is present (or the sigma-test significance when detection is the sigma test)</source>
        <translation>Kalibrierte Wahrscheinlichkeit, dass eine Quelle vorhanden ist (oder die Signifikanz des Sigma-Tests, wenn der Nachweis per Sigma-Test erfolgt)</translation>
    </message>
    <message>
        <source>Isotopes</source>
        <translation>Isotope</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Classical identification from the fitted peaks (score 0–1): %1</source>
        <translation>Klassische Identifikation aus den angepassten Peaks (Score 0–1): %1</translation>
    </message>
    <message>
        <source>From peaks</source>
        <translation>Aus Peaks</translation>
    </message>
    <message>
        <source>Nuclides ranked from the fitted peaks (energies and line ratios), beside the model&apos;s result</source>
        <translation>Nuklide, gereiht nach den angepassten Peaks (Energien und Linienverhältnisse), neben dem Ergebnis des Modells</translation>
    </message>
    <message>
        <source>Unknown (out of domain)</source>
        <translation>Unbekannt (außerhalb des Modellbereichs)</translation>
    </message>
    <message>
        <source>Probability of %1 if a source were present; this spectrum is not called a source</source>
        <translation>Wahrscheinlichkeit von %1, falls eine Quelle vorhanden wäre; dieses Spektrum wird nicht als Quelle eingestuft</translation>
    </message>
    <message>
        <source>Probability of %1 given the detected source</source>
        <translation>Wahrscheinlichkeit von %1 bei detektierter Quelle</translation>
    </message>
    <message>
        <source>Outside what the model was trained for: %1. The classical peak evidence is shown instead.</source>
        <translation>Außerhalb dessen, wofür das Modell trainiert wurde: %1. Stattdessen werden die klassischen Peak-Belege gezeigt.</translation>
    </message>
    <message>
        <source>Detection threshold: P(source) ≥ %1 %
Excess test: %2 (best template %3)
Sigma test: %4 σ excess over the reference background</source>
        <translation>Detektionsschwelle: P(Quelle) ≥ %1 %
Überschusstest: %2 (beste Vorlage %3)
Sigma-Test: %4 σ Überschuss über dem Referenzuntergrund</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::RocCurveView</name>
    <message>
        <source>false-positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <source>true-positive rate (%1 found)</source>
        <translation>Richtig-Positiv-Rate (%1 gefunden)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::RoiTableModel</name>
    <message>
        <source>%1 – %2 keV</source>
        <translation>%1 – %2 keV</translation>
    </message>
    <message>
        <source>ch %1 – %2</source>
        <translation>K %1 – %2</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Net rate (1/s)</source>
        <translation>Nettorate (1/s)</translation>
    </message>
    <message>
        <source>Centroid (keV)</source>
        <translation>Schwerpunkt (keV)</translation>
    </message>
    <message>
        <source>Centroid (ch)</source>
        <translation>Schwerpunkt (K)</translation>
    </message>
    <message>
        <source>FWHM (keV)</source>
        <translation>FWHM (keV)</translation>
    </message>
    <message>
        <source>FWHM (ch)</source>
        <translation>FWHM (K)</translation>
    </message>
    <message>
        <source>ROI %1: gross %2, net %3</source>
        <translation>ROI %1: brutto %2, netto %3</translation>
    </message>
    <message>
        <source>, %1 counts/s</source>
        <translation>, %1 Impulse/s</translation>
    </message>
    <message>
        <source>, centroid %1, FWHM %2</source>
        <translation>, Schwerpunkt %1, FWHM %2</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::SpectrumAnnotations</name>
    <message>
        <source>Hydrogen</source>
        <translation>Wasserstoff</translation>
    </message>
    <message>
        <source>Beryllium</source>
        <translation>Beryllium</translation>
    </message>
    <message>
        <source>Carbon</source>
        <translation>Kohlenstoff</translation>
    </message>
    <message>
        <source>Nitrogen</source>
        <translation>Stickstoff</translation>
    </message>
    <message>
        <source>Oxygen</source>
        <translation>Sauerstoff</translation>
    </message>
    <message>
        <source>Fluorine</source>
        <translation>Fluor</translation>
    </message>
    <message>
        <source>Sodium</source>
        <translation>Natrium</translation>
    </message>
    <message>
        <source>Phosphorus</source>
        <translation>Phosphor</translation>
    </message>
    <message>
        <source>Potassium</source>
        <translation>Kalium</translation>
    </message>
    <message>
        <source>Scandium</source>
        <translation>Scandium</translation>
    </message>
    <message>
        <source>Chromium</source>
        <translation>Chrom</translation>
    </message>
    <message>
        <source>Manganese</source>
        <translation>Mangan</translation>
    </message>
    <message>
        <source>Iron</source>
        <translation>Eisen</translation>
    </message>
    <message>
        <source>Cobalt</source>
        <translation>Cobalt</translation>
    </message>
    <message>
        <source>Nickel</source>
        <translation>Nickel</translation>
    </message>
    <message>
        <source>Copper</source>
        <translation>Kupfer</translation>
    </message>
    <message>
        <source>Zinc</source>
        <translation>Zink</translation>
    </message>
    <message>
        <source>Gallium</source>
        <translation>Gallium</translation>
    </message>
    <message>
        <source>Germanium</source>
        <translation>Germanium</translation>
    </message>
    <message>
        <source>Selenium</source>
        <translation>Selen</translation>
    </message>
    <message>
        <source>Krypton</source>
        <translation>Krypton</translation>
    </message>
    <message>
        <source>Rubidium</source>
        <translation>Rubidium</translation>
    </message>
    <message>
        <source>Strontium</source>
        <translation>Strontium</translation>
    </message>
    <message>
        <source>Yttrium</source>
        <translation>Yttrium</translation>
    </message>
    <message>
        <source>Zirconium</source>
        <translation>Zirconium</translation>
    </message>
    <message>
        <source>Niobium</source>
        <translation>Niob</translation>
    </message>
    <message>
        <source>Molybdenum</source>
        <translation>Molybdän</translation>
    </message>
    <message>
        <source>Technetium</source>
        <translation>Technetium</translation>
    </message>
    <message>
        <source>Ruthenium</source>
        <translation>Ruthenium</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silber</translation>
    </message>
    <message>
        <source>Cadmium</source>
        <translation>Cadmium</translation>
    </message>
    <message>
        <source>Indium</source>
        <translation>Indium</translation>
    </message>
    <message>
        <source>Tin</source>
        <translation>Zinn</translation>
    </message>
    <message>
        <source>Antimony</source>
        <translation>Antimon</translation>
    </message>
    <message>
        <source>Tellurium</source>
        <translation>Tellur</translation>
    </message>
    <message>
        <source>Iodine</source>
        <translation>Iod</translation>
    </message>
    <message>
        <source>Xenon</source>
        <translation>Xenon</translation>
    </message>
    <message>
        <source>Caesium</source>
        <translation>Cäsium</translation>
    </message>
    <message>
        <source>Barium</source>
        <translation>Barium</translation>
    </message>
    <message>
        <source>Lanthanum</source>
        <translation>Lanthan</translation>
    </message>
    <message>
        <source>Cerium</source>
        <translation>Cer</translation>
    </message>
    <message>
        <source>Promethium</source>
        <translation>Promethium</translation>
    </message>
    <message>
        <source>Samarium</source>
        <translation>Samarium</translation>
    </message>
    <message>
        <source>Europium</source>
        <translation>Europium</translation>
    </message>
    <message>
        <source>Gadolinium</source>
        <translation>Gadolinium</translation>
    </message>
    <message>
        <source>Terbium</source>
        <translation>Terbium</translation>
    </message>
    <message>
        <source>Holmium</source>
        <translation>Holmium</translation>
    </message>
    <message>
        <source>Ytterbium</source>
        <translation>Ytterbium</translation>
    </message>
    <message>
        <source>Lutetium</source>
        <translation>Lutetium</translation>
    </message>
    <message>
        <source>Hafnium</source>
        <translation>Hafnium</translation>
    </message>
    <message>
        <source>Tantalum</source>
        <translation>Tantal</translation>
    </message>
    <message>
        <source>Iridium</source>
        <translation>Iridium</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Mercury</source>
        <translation>Quecksilber</translation>
    </message>
    <message>
        <source>Thallium</source>
        <translation>Thallium</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Blei</translation>
    </message>
    <message>
        <source>Bismuth</source>
        <translation>Bismut</translation>
    </message>
    <message>
        <source>Polonium</source>
        <translation>Polonium</translation>
    </message>
    <message>
        <source>Radon</source>
        <translation>Radon</translation>
    </message>
    <message>
        <source>Radium</source>
        <translation>Radium</translation>
    </message>
    <message>
        <source>Actinium</source>
        <translation>Actinium</translation>
    </message>
    <message>
        <source>Thorium</source>
        <translation>Thorium</translation>
    </message>
    <message>
        <source>Protactinium</source>
        <translation>Protactinium</translation>
    </message>
    <message>
        <source>Uranium</source>
        <translation>Uran</translation>
    </message>
    <message>
        <source>Neptunium</source>
        <translation>Neptunium</translation>
    </message>
    <message>
        <source>Plutonium</source>
        <translation>Plutonium</translation>
    </message>
    <message>
        <source>Americium</source>
        <translation>Americium</translation>
    </message>
    <message>
        <source>Curium</source>
        <translation>Curium</translation>
    </message>
    <message>
        <source>Californium</source>
        <translation>Californium</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Continuum</source>
        <translation>Kontinuum</translation>
    </message>
    <message>
        <source>Peak fit</source>
        <translation>Peak-Fit</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Background (count rate)</source>
        <translation>Untergrund (Zählrate)</translation>
    </message>
    <message>
        <source>Background (scaled to live time)</source>
        <translation>Untergrund (auf Live-Zeit skaliert)</translation>
    </message>
    <message>
        <source>%1-%2%3</source>
        <translation>%1-%2%3</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
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
        <translation>Bq</translation>
    </message>
    <message>
        <source>kBq</source>
        <translation>kBq</translation>
    </message>
    <message>
        <source>MBq</source>
        <translation>MBq</translation>
    </message>
    <message>
        <source>GBq</source>
        <translation>GBq</translation>
    </message>
    <message>
        <source>TBq</source>
        <translation>TBq</translation>
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
        <translation>E = %1 keV</translation>
    </message>
    <message>
        <source> (%1 – %2 keV)</source>
        <translation> (%1 – %2 keV)</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Live time</source>
        <translation>Live-Zeit</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source> (dead time %1 %)</source>
        <translation> (Totzeit %1 %)</translation>
    </message>
    <message>
        <source>Real time</source>
        <translation>Echtzeit</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <source>%1 cm</source>
        <translation>%1 cm</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>ch</source>
        <comment>channel number in an energy calibration formula</comment>
        <translation>Kan.</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::SpectrumInfoPanel</name>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Live time</source>
        <translation>Live-Zeit</translation>
    </message>
    <message>
        <source>Real time</source>
        <translation>Echtzeit</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Total counts</source>
        <translation>Impulse gesamt</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>No spectrum selected</source>
        <translation>Kein Spektrum ausgewählt</translation>
    </message>
    <message numerus="yes">
        <source>(current of %n selected)</source>
        <translation>
            <numerusform>(aktuelles von %n ausgewählten)</numerusform>
            <numerusform>(aktuelles von %n ausgewählten)</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 – %2 keV)</source>
        <translation> (%1 – %2 keV)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source> (dead time %1 %)</source>
        <translation> (Totzeit %1 %)</translation>
    </message>
    <message>
        <source>%1 cm</source>
        <translation>%1 cm</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source> (%1 counts/s)</source>
        <translation> (%1 Impulse/s)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::SpectrumPlotter</name>
    <message>
        <source>Energy (keV)</source>
        <translation>Energie (keV)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Count rate (counts/s per channel)</source>
        <translation>Zählrate (Impulse/s pro Kanal)</translation>
    </message>
    <message>
        <source>Counts per channel</source>
        <translation>Impulse pro Kanal</translation>
    </message>
    <message numerus="yes">
        <source>%n selected spectra have no counts to draw.</source>
        <translation>
            <numerusform>%n ausgewähltes Spektrum hat keine Impulse zum Zeichnen.</numerusform>
            <numerusform>%n ausgewählte Spektren haben keine Impulse zum Zeichnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the first %1 of the selected spectra.</source>
        <translation>Die ersten %1 der ausgewählten Spektren werden gezeigt.</translation>
    </message>
    <message>
        <source>Count rate needs a live time; showing counts.</source>
        <translation>Die Zählrate braucht eine Live-Zeit; Impulse werden gezeigt.</translation>
    </message>
    <message>
        <source>No valid energy calibration; showing channels.</source>
        <translation>Keine gültige Energiekalibrierung; Kanäle werden gezeigt.</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::SpectrumView</name>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;No spectrum shown&lt;/p&gt;&lt;p&gt;Open a file (Ctrl+O) or a folder (Ctrl+Shift+O), or drop them on the window.&lt;br&gt;Then select rows in the data browser; several selected rows overlay.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Kein Spektrum angezeigt&lt;/p&gt;&lt;p&gt;Eine Datei (Strg+O) oder einen Ordner (Strg+Umschalt+O) öffnen oder auf das Fenster ziehen.&lt;br&gt;Dann Zeilen in der Datenübersicht auswählen; mehrere ausgewählte Zeilen werden überlagert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 keV</source>
        <translation>%1 keV</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>counts/s</source>
        <translation>Impulse/s</translation>
    </message>
    <message>
        <source>counts</source>
        <translation>Impulse</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#808080&apos;&gt;Wheel or drag: zoom · middle-drag: pan · Home: full range · double-click: fit peak · Ctrl+drag: fit peaks · Shift+drag: remove peaks · Alt+drag: ROI · right-click: menu&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#808080&apos;&gt;Rad oder Ziehen: Zoom · mittlere Taste ziehen: verschieben · Pos1: ganzer Bereich · Doppelklick: Peak anpassen · Strg+Ziehen: Peaks anpassen · Umschalt+Ziehen: Peaks entfernen · Alt+Ziehen: ROI · Rechtsklick: Menü&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::TablesPanel</name>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>No table file open</source>
        <translation>Keine Tabellendatei geöffnet</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Tabelle:</translation>
    </message>
    <message>
        <source>Tables joined on event_id (first row per event); their columns are named &lt;table&gt;.&lt;column&gt;</source>
        <translation>Tabellen über event_id verknüpft (erste Zeile je Ereignis); ihre Spalten heißen &lt;Tabelle&gt;.&lt;Spalte&gt;</translation>
    </message>
    <message>
        <source>Join on event_id:</source>
        <translation>Über event_id verknüpfen:</translation>
    </message>
    <message>
        <source>vs</source>
        <translation>gegen</translation>
    </message>
    <message>
        <source>e.g. energy &gt; 10 (empty: every row)</source>
        <translation>z. B. energy &gt; 10 (leer: jede Zeile)</translation>
    </message>
    <message>
        <source>Downsample to the smaller class</source>
        <translation>Auf die kleinere Klasse reduzieren</translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation>Klassengewichte</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Label (positive when true):</source>
        <translation>Label (positiv, wenn wahr):</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>Klassen:</translation>
    </message>
    <message>
        <source>Cut:</source>
        <translation>Schnitt:</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>Ausgleich:</translation>
    </message>
    <message>
        <source>Normalise:</source>
        <translation>Normierung:</translation>
    </message>
    <message>
        <source>Learner:</source>
        <translation>Lerner:</translation>
    </message>
    <message>
        <source>Train (grouped cross-validation)</source>
        <translation>Trainieren (gruppierte Kreuzvalidierung)</translation>
    </message>
    <message>
        <source>Export view as PNG…</source>
        <translation>Ansicht als PNG exportieren…</translation>
    </message>
    <message>
        <source>Histogram by class</source>
        <translation>Histogramm nach Klasse</translation>
    </message>
    <message>
        <source>cut, e.g. energy &gt; 10</source>
        <translation>Schnitt, z. B. energy &gt; 10</translation>
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
        <translation>2-D-Histogramm (asinh)</translation>
    </message>
    <message>
        <source>scatter by class</source>
        <translation>Streudiagramm nach Klasse</translation>
    </message>
    <message>
        <source>2-D histogram / scatter</source>
        <translation>2-D-Histogramm / Streudiagramm</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC-Kurve</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Wichtigkeit</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Ansicht exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Training: %1 %2 of %3</source>
        <translation>Training: %1 %2 von %3</translation>
    </message>
    <message>
        <source>Event tables</source>
        <translation>Ereignistabellen</translation>
    </message>
    <message>
        <source>Open event table</source>
        <translation>Ereignistabelle öffnen</translation>
    </message>
    <message>
        <source>HDF5 tables (*.h5 *.hdf5 *.hdf);;All files (*)</source>
        <translation>HDF5-Tabellen (*.h5 *.hdf5 *.hdf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 rows; training reads all of them from the file.</source>
        <translation>Die ersten %1 von %2 Zeilen werden gezeigt; das Training liest alle aus der Datei.</translation>
    </message>
    <message>
        <source>all events</source>
        <translation>alle Ereignisse</translation>
    </message>
    <message>
        <source>Tick at least one feature column.</source>
        <translation>Mindestens eine Merkmalsspalte ankreuzen.</translation>
    </message>
    <message>
        <source>Training %1 on %2 features…</source>
        <translation>%1 wird auf %2 Merkmalen trainiert…</translation>
    </message>
    <message>
        <source>cross-validated</source>
        <translation>kreuzvalidiert</translation>
    </message>
    <message>
        <source>held-out</source>
        <translation>zurückgehalten</translation>
    </message>
    <message>
        <source>linear weight on the normalised feature</source>
        <translation>lineares Gewicht des normierten Merkmals</translation>
    </message>
    <message>
        <source>permutation importance (ROC AUC drop)</source>
        <translation>Permutationswichtigkeit (Abfall der ROC AUC)</translation>
    </message>
    <message>
        <source>Trained: cross-validated ROC AUC %1%2</source>
        <translation>Trainiert: kreuzvalidierte ROC AUC %1%2</translation>
    </message>
    <message>
        <source>, held-out %1</source>
        <translation>, zurückgehalten %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a column of %2: tick %2 under &quot;Join on event_id&quot; and write %3%1.</source>
        <translation>„%1“ ist eine Spalte von %2: %2 unter „Über event_id verknüpfen“ ankreuzen und %3%1 schreiben.</translation>
    </message>
    <message>
        <source>Held-out test events (%1)</source>
        <translation>Zurückgehaltene Testereignisse (%1)</translation>
    </message>
    <message>
        <source>Cross-validated training events (%1)</source>
        <translation>Kreuzvalidierte Trainingsereignisse (%1)</translation>
    </message>
    <message>
        <source>, weighted</source>
        <translation>, gewichtet</translation>
    </message>
    <message>
        <source>accuracy %1, balanced accuracy %2; %3: precision %4, recall %5; %6: precision %7, recall %8</source>
        <translation>Genauigkeit %1, balancierte Genauigkeit %2; %3: Präzision %4, Trefferquote %5; %6: Präzision %7, Trefferquote %8</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::TaskProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::TrainingDataSelector</name>
    <message>
        <source>Training data</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <source>Label set</source>
        <translation>Label-Menge</translation>
    </message>
    <message>
        <source>Label sets of the loaded spectra (from folder and file names or HDF5 label columns). Only checked label sets are trained on.
Latent decomposition: every checked single label becomes a component.</source>
        <translation>Label-Mengen der geladenen Spektren (aus Ordner- und Dateinamen oder HDF5-Labelspalten). Trainiert wird nur mit angehakten Label-Mengen.
Latente Zerlegung: Jedes angehakte Einzellabel wird eine Komponente.</translation>
    </message>
    <message>
        <source>Folder or file</source>
        <translation>Ordner oder Datei</translation>
    </message>
    <message>
        <source>Top folders (or files opened alone, e.g. HDF5 tables) of the loaded data. Only spectra in checked folders are trained on.</source>
        <translation>Oberste Ordner (oder einzeln geöffnete Dateien, z. B. HDF5-Tabellen) der geladenen Daten. Trainiert wird nur mit Spektren in angehakten Ordnern.</translation>
    </message>
    <message>
        <source>Which label set means background. Spectra labelled background (folders named bkg, bkgs or background) always do; choose another set, e.g. (unlabelled), to use it as background as well.</source>
        <translation>Welche Label-Menge Untergrund bedeutet. Spektren mit dem Label background (Ordner bkg, bkgs oder background) immer; eine andere Menge wählen, z. B. (ohne Label), um sie ebenfalls als Untergrund zu verwenden.</translation>
    </message>
    <message>
        <source>Background:</source>
        <translation>Untergrund:</translation>
    </message>
    <message>
        <source>(unlabelled)</source>
        <translation>(ohne Label)</translation>
    </message>
    <message>
        <source>(no folder)</source>
        <translation>(kein Ordner)</translation>
    </message>
    <message>
        <source>background</source>
        <translation>Untergrund</translation>
    </message>
    <message>
        <source>No spectra loaded: open files or folders first.</source>
        <translation>Keine Spektren geladen: zuerst Dateien oder Ordner öffnen.</translation>
    </message>
    <message>
        <source>%1 of %2 usable spectra selected (%3 files or rows loaded).</source>
        <translation>%1 von %2 verwendbaren Spektren ausgewählt (%3 Dateien oder Zeilen geladen).</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::TrainingPanel</name>
    <message>
        <source>Detection and identification</source>
        <translation>Nachweis und Identifikation</translation>
    </message>
    <message>
        <source>Latent decomposition</source>
        <translation>Latente Zerlegung</translation>
    </message>
    <message>
        <source>Detection and identification: a calibrated source detector and one classifier per isotope (photopeak-cli train).
Latent decomposition: one loading per component, spectra decomposed by non-negative least squares (photopeak-cli latent train).</source>
        <translation>Nachweis und Identifikation: ein kalibrierter Quelle/Untergrund-Klassifikator und ein Klassifikator je Isotop (photopeak-cli train).
Latente Zerlegung: eine Ladung je Komponente, Spektren werden mit nichtnegativen kleinsten Quadraten zerlegt (photopeak-cli latent train).</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <source>Energy grid: %1</source>
        <translation>Energieraster: %1</translation>
    </message>
    <message>
        <source>Every spectrum is rebinned count-conserving onto this grid before the features are computed.</source>
        <translation>Jedes Spektrum wird vor der Merkmalsberechnung impulserhaltend auf dieses Raster umgebinnt.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Training cancelled.</source>
        <translation>Training abgebrochen.</translation>
    </message>
    <message>
        <source>Load spectra to train on.</source>
        <translation>Spektren zum Trainieren laden.</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <source>training panel</source>
        <translation>Trainingsbereich</translation>
    </message>
    <message>
        <source>Nothing to train on: load spectra and check at least one label set and folder.</source>
        <translation>Nichts zum Trainieren: Spektren laden und mindestens eine Label-Menge und einen Ordner anhaken.</translation>
    </message>
    <message>
        <source>No components: check at least one single-label set.</source>
        <translation>Keine Komponenten: mindestens eine Einzellabel-Menge anhaken.</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Training…</translation>
    </message>
    <message>
        <source>Training: %1…</source>
        <translation>Training: %1…</translation>
    </message>
    <message>
        <source>Trained on %1 spectra in %2 s.</source>
        <translation>An %1 Spektren in %2 s trainiert.</translation>
    </message>
    <message>
        <source>%1 selected spectra could not be prepared:</source>
        <translation>%1 ausgewählte Spektren konnten nicht vorbereitet werden:</translation>
    </message>
    <message>
        <source>no model of this task to save</source>
        <translation>kein Modell dieser Aufgabe zum Speichern</translation>
    </message>
    <message>
        <source>is one of the training files; choose another name</source>
        <translation>ist eine der Trainingsdateien; wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>Modell speichern</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Loaded %1.</source>
        <translation>%1 geladen.</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>Modell laden</translation>
    </message>
    <message>
        <source>Latent models (*.ppmodel *.json);;All files (*)</source>
        <translation>Latente Modelle (*.ppmodel *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Classifier models (*.json);;All files (*)</source>
        <translation>Klassifikatormodelle (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Model files (*.json *.ppmodel);;All files (*)</source>
        <translation>Modelldateien (*.json *.ppmodel);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::TrainingRunView</name>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Train a model of the chosen task on the selected spectra, in the background.</source>
        <translation>Ein Modell der gewählten Aufgabe im Hintergrund an den ausgewählten Spektren trainieren.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the training; nothing is kept.</source>
        <translation>Training abbrechen; nichts wird behalten.</translation>
    </message>
    <message>
        <source>Load spectra to train on.</source>
        <translation>Spektren zum Trainieren laden.</translation>
    </message>
    <message>
        <source>Out-of-fold figures of grouped cross-validation (spectra of one acquisition series are never split between training and validation).</source>
        <translation>Out-of-Fold-Kennzahlen der gruppierten Kreuzvalidierung (Spektren einer Messreihe werden nie auf Training und Validierung aufgeteilt).</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>The report of the trained or loaded model appears here.</source>
        <translation>Hier erscheint der Bericht des trainierten oder geladenen Modells.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>Modell speichern…</translation>
    </message>
    <message>
        <source>Write the current model of this task to a model file.</source>
        <translation>Das aktuelle Modell dieser Aufgabe in eine Modelldatei schreiben.</translation>
    </message>
    <message>
        <source>Load model…</source>
        <translation>Modell laden…</translation>
    </message>
    <message>
        <source>Read a model file of this task; files of another kind or version are refused.</source>
        <translation>Eine Modelldatei dieser Aufgabe lesen; Dateien anderer Art oder Version werden abgelehnt.</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Lernverfahren</translation>
    </message>
    <message>
        <source>Accuracy %</source>
        <translation>Genauigkeit %</translation>
    </message>
    <message>
        <source>Recall %</source>
        <translation>Trefferquote %</translation>
    </message>
    <message>
        <source>False pos. %</source>
        <translation>Falsch pos. %</translation>
    </message>
    <message>
        <source>Log-loss</source>
        <translation>Log-Loss</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Spectra</source>
        <translation>Spektren</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::UndoActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::ViewActions</name>
    <message>
        <source>&amp;Logarithmic Y Axis</source>
        <translation>&amp;Logarithmische Y-Achse</translation>
    </message>
    <message>
        <source>C&amp;ounts</source>
        <translation>&amp;Impulse</translation>
    </message>
    <message>
        <source>Count &amp;Rate</source>
        <translation>Zähl&amp;rate</translation>
    </message>
    <message>
        <source>&amp;Energy Axis (keV)</source>
        <translation>&amp;Energieachse (keV)</translation>
    </message>
    <message>
        <source>C&amp;hannel Axis</source>
        <translation>&amp;Kanalachse</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Logarithmic or linear y axis (Ctrl+L)</source>
        <translation>Logarithmische oder lineare Y-Achse (Strg+L)</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Impulse</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Counts per channel (Ctrl+1)</source>
        <translation>Impulse pro Kanal (Strg+1)</translation>
    </message>
    <message>
        <source>Counts per second of live time (Ctrl+2); needs a live time</source>
        <translation>Impulse pro Sekunde Live-Zeit (Strg+2); braucht eine Live-Zeit</translation>
    </message>
    <message>
        <source>keV</source>
        <translation>keV</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Energy on the x axis (Ctrl+E)</source>
        <translation>Energie auf der X-Achse (Strg+E)</translation>
    </message>
    <message>
        <source>Channel number on the x axis (Ctrl+Shift+E)</source>
        <translation>Kanalnummer auf der X-Achse (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <source>Full Range</source>
        <translation>Ganzer Bereich</translation>
    </message>
    <message>
        <source>Show the whole spectrum (Ctrl+0, Home, or double-click the plot)</source>
        <translation>Das ganze Spektrum zeigen (Strg+0, Pos1 oder Doppelklick auf das Diagramm)</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::modelplot::PlotFrame</name>
    <message>
        <source>Save PNG…</source>
        <translation>PNG speichern…</translation>
    </message>
    <message>
        <source>Save this plot as a PNG image</source>
        <translation>Diese Grafik als PNG-Bild speichern</translation>
    </message>
</context>
<context>
    <name>photopeak::ui::LatentReportPage</name>
    <message>
        <source>Photopeak report · %1</source>
        <translation>Photopeak-Bericht · %1</translation>
    </message>
    <message>
        <source>Latent model</source>
        <translation>Latentes Modell</translation>
    </message>
    <message>
        <source>Latent model: %1</source>
        <translation>Latentes Modell: %1</translation>
    </message>
    <message>
        <source>No latent model.</source>
        <translation>Kein latentes Modell.</translation>
    </message>
    <message>
        <source>Components %1 · decision %2 · %3 labelled spectra analysed by the model, %4 misclassified</source>
        <translation>Komponenten %1 · Entscheidung %2 · %3 beschriftete Spektren vom Modell analysiert, %4 falsch klassifiziert</translation>
    </message>
    <message>
        <source>Mean shares per true label: no labelled spectra were analysed by the latent model in this batch.</source>
        <translation>Mittlere Anteile je wahrer Beschriftung: In diesem Stapel hat das latente Modell keine beschrifteten Spektren analysiert.</translation>
    </message>
    <message>
        <source>Misclassified spectra: none; all %1 labelled spectra were classified correctly.</source>
        <translation>Falsch klassifizierte Spektren: keine; alle %1 beschrifteten Spektren wurden richtig klassifiziert.</translation>
    </message>
    <message>
        <source>Misclassified spectra: no labelled spectra were analysed by the latent model in this batch.</source>
        <translation>Falsch klassifizierte Spektren: In diesem Stapel hat das latente Modell keine beschrifteten Spektren analysiert.</translation>
    </message>
</context>
</TS>

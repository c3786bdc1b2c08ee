/** Synthetic testimonials written for the demo; every one is fictional. */
export type ThemeCode =
  | 'isolation'
  | 'hostility'
  | 'pressure'
  | 'availability'
  | 'workload'
  | 'recognition'
  | 'crisis'
  | 'remote'
  | 'career'
  | 'support';

export interface DemoTestimonial {
  lang: 'fr' | 'en';
  text: string;
  themes: ThemeCode[];
  employerType?: 'brand' | 'agency' | 'public' | 'association' | 'media' | 'freelance';
  experience?: 'y0_2' | 'y2_5' | 'y5_10' | 'y10_plus';
  /** Moderation state in the demo: most are published, a few wait in the queue, one is rejected. */
  status: 'published' | 'pending' | 'rejected';
  rejectReason?: string;
  /**
   * The flagged words the fictional author chose to replace at preview; the others stay, for the
   * moderators to see. The seed runs the text through the form's own redaction and flagging.
   */
  replace?: string[];
}

export const demoTestimonials: DemoTestimonial[] = [
  {
    lang: 'fr',
    text: "Il est 23 h 12, je suis dans mon lit et je modère encore les commentaires sous le post du jour. Personne ne me l'a demandé explicitement, mais tout le monde sait que si un client mécontent écrit à 22 h et que personne ne répond avant le matin, ce sera « un manque de réactivité » à la réunion de 9 h. Mon téléphone pro et mon téléphone perso sont devenus le même objet. Pendant mes dernières vacances, j'ai désinstallé les applis le premier jour et je les ai réinstallées le troisième, parce que je n'arrivais plus à dormir sans savoir ce qui se passait. Je ne sais pas si c'est moi qui ai un problème, ou le poste.",
    themes: ['availability', 'workload'],
    employerType: 'brand',
    experience: 'y2_5',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Je gère la page d'une mairie de 15 000 habitants. Quand le conseil municipal a voté la fermeture de la piscine pour deux ans de travaux, la page a reçu plus de 900 commentaires en un week-end. Des insultes contre le maire, contre les agents, et contre moi, puisque c'est moi qui répondais. On m'a traitée de « larbin », on a publié des captures de mes réponses dans des groupes locaux. Je n'avais aucune consigne écrite, aucune charte de modération, et l'élu à la communication était injoignable. J'ai fini par rédiger moi-même une charte à 1 h du matin. Elle est toujours en ligne aujourd'hui, et personne ne sait que c'est moi qui l'ai écrite cette nuit-là.",
    themes: ['crisis', 'hostility'],
    employerType: 'public',
    experience: 'y5_10',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Mon premier poste en agence. Un simple post pour un client de l'agroalimentaire : le visuel a été validé par la directrice artistique, puis par ma cheffe de projet, puis par la responsable marketing du client, puis par son directeur, puis par le service juridique. Cinq allers-retours pour une virgule et un émoji jugé « trop familier ». Le post est sorti avec trois jours de retard, la tendance qu'on voulait suivre était morte depuis longtemps, et au bilan mensuel on m'a demandé pourquoi l'engagement était si faible. J'ai appris ce jour-là que le métier, c'est 20 % de création et 80 % de diplomatie.",
    themes: ['pressure', 'workload'],
    employerType: 'agency',
    experience: 'y0_2',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Dans ma boîte, je suis la seule personne de moins de 35 ans au service communication, et donc « la personne TikTok ». Quand une vidéo marche, c'est « la magie des réseaux ». Quand elle ne marche pas, c'est que je n'ai « pas bien compris la cible ». Personne ne sait ce que je fais réellement de mes journées : la veille, le tournage, le montage, les réponses aux commentaires, les statistiques. Mon directeur m'a un jour présentée à un partenaire comme « notre stagiaire qui fait les stories ». J'ai 29 ans, un master et quatre ans d'expérience. Je souris, mais ça use.",
    themes: ['recognition', 'isolation'],
    employerType: 'brand',
    experience: 'y2_5',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "La phrase que j'entends le plus : « Fais-nous un truc qui buzze. » Sans budget, sans idée, sans prise de risque, et évidemment validé par le comité de direction. La seule fois où un de nos posts est vraiment devenu viral, c'était un visuel de fête des mères mal relu, avec une phrase qui pouvait se lire de deux façons. 40 000 partages en une nuit, et pas pour les bonnes raisons. Le lendemain, le même directeur qui voulait du buzz m'a demandé comment j'avais pu « laisser passer ça ». Le visuel avait été validé par quatre personnes, dont lui. Je l'ai encore mauvaise.",
    themes: ['pressure', 'crisis'],
    employerType: 'brand',
    experience: 'y5_10',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Freelance depuis six ans. En ce moment, j'ai huit clients : une boulangerie, deux cabinets d'expertise comptable, une salle d'escalade, une association de quartier, un architecte, une marque de cosmétiques locale et un camping l'été. Huit calendriers éditoriaux, huit tons différents, huit façons de me dire que « ce serait bien d'avoir un petit post pour demain ». Je facture entre 350 et 900 euros par mois selon les clients, et certains pensent que ça inclut de répondre aux messages privés le dimanche. J'adore la variété. Je déteste le moment où je manque de publier les horaires d'ouverture du camping sur la page du cabinet comptable.",
    themes: ['workload', 'career'],
    employerType: 'freelance',
    experience: 'y5_10',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Je travaille pour une association d'aide alimentaire. Pendant longtemps, j'ai eu l'impression que mon poste était « le moins utile » de la structure, comparé aux bénévoles sur le terrain. Et puis, l'hiver dernier, une collecte relayée sur nos réseaux a rassemblé trois fois plus de dons que prévu. Un bénévole m'a dit : « Sans tes posts, on aurait eu la moitié des gens. » Je me suis enfermée dans les toilettes pour pleurer un peu. Depuis, je garde une capture de ce message épinglée dans mes notes, pour les jours où je me demande à quoi je sers.",
    themes: ['recognition', 'support'],
    employerType: 'association',
    experience: 'y2_5',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Je suis community manager dans une rédaction régionale. Chaque article sur l'immigration, la chasse ou les vaccins déclenche la même vague : des centaines de commentaires, des insultes envers les journalistes, parfois des menaces. On tourne à trois pour couvrir les soirs et les week-ends, et je suis de permanence un dimanche sur trois. Ce qui m'a le plus marqué, ce n'est pas le volume, c'est la répétition. On supprime, on masque, on signale, et le lendemain ça recommence avec les mêmes comptes. J'ai demandé une formation sur la gestion du harcèlement en ligne. On m'a répondu qu'il n'y avait pas de budget cette année.",
    themes: ['hostility', 'availability'],
    employerType: 'media',
    experience: 'y2_5',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Mars 2020. Je suis chargée de communication numérique dans une collectivité, et en une semaine tout bascule en ligne : les horaires des marchés, les attestations, les dons de masques, les numéros d'urgence, les messages du président toutes les deux heures. Je travaillais depuis ma table de cuisine, avec deux enfants en classe à distance à côté et un ordinateur portable prêté par le service informatique qui plantait dès qu'on ouvrait deux onglets.\n\nLes gens nous écrivaient à minuit, paniqués, pour savoir s'ils avaient le droit d'aller voir leur mère à l'Ehpad, si le marché du samedi était maintenu, si on pouvait enterrer un proche. Je répondais à tout, parce que derrière chaque message il y avait quelqu'un de seul. Je n'avais jamais été aussi utile, et jamais aussi épuisée. Personne n'a compté mes heures, moi non plus.\n\nÀ la fin du premier confinement, le directeur général des services a remercié « les équipes de terrain » en réunion. Je comprends, elles le méritaient. Mais j'aurais aimé qu'on se souvienne que, pendant deux mois, la mairie, pour beaucoup d'habitants, c'était une page et une messagerie, et qu'il y avait une personne derrière.",
    themes: ['remote', 'workload', 'recognition'],
    employerType: 'public',
    experience: 'y10_plus',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Ce qui m'a sauvée, c'est un groupe WhatsApp. On est une quinzaine de CM de différentes régions, rencontrés à une formation il y a trois ans. On s'y envoie des captures de commentaires surréalistes, des questions sur un algorithme qui a encore changé, des offres d'emploi, et parfois juste un « je n'en peux plus » à 22 h. Il y a toujours quelqu'un pour répondre. Dans mon agence, personne ne fait le même métier que moi, donc personne ne comprend vraiment. Là-bas, quand je raconte qu'un client m'a demandé de « supprimer les avis négatifs d'internet », tout le monde rit avec moi, et je me sens moins seule.",
    themes: ['support', 'isolation'],
    employerType: 'agency',
    experience: 'y5_10',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Douze ans de métier. J'ai commencé à 1 600 euros brut, je suis aujourd'hui à 2 900 euros brut, dans une marque nationale. Mon collègue arrivé au marketing produit l'an dernier, avec deux ans d'expérience, gagne plus que moi. Quand j'ai demandé une revalorisation, on m'a expliqué que « les réseaux sociaux, tout le monde sait un peu en faire ». J'ai préparé un dossier de vingt pages avec les chiffres, les crises évitées, les ventes générées par les campagnes. J'ai obtenu 80 euros. Je commence à regarder ailleurs, et c'est triste, parce que j'aime cette marque.",
    themes: ['career', 'recognition'],
    employerType: 'brand',
    experience: 'y10_plus',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "J'avais 23 ans, trois mois d'agence, et on m'avait confié le compte d'une chaîne de salles de sport. Un jour, un homme a commencé à commenter tous nos posts, puis à écrire en privé, parce qu'il avait compris que c'était une femme qui répondait. Des messages de plus en plus insistants, puis carrément obscènes. Je n'ai rien dit pendant deux semaines, parce que je pensais que ça faisait partie du job et que je devais gérer seule. Quand j'en ai enfin parlé, ma responsable a bloqué le compte en trente secondes et m'a dit : « Tu aurais dû venir me voir le premier jour. » Elle avait raison. J'écris ça pour celles qui n'osent pas.",
    themes: ['hostility', 'isolation', 'support'],
    employerType: 'agency',
    experience: 'y0_2',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Mon record : un client qui m'a envoyé un vocal de quatre minutes un 25 décembre à 8 h du matin pour me demander de « poster un petit joyeux Noël, mais pas trop commercial, mais quand même avec le code promo ». Je l'ai fait, en pyjama, entre deux cafés. Il m'a payée avec 45 jours de retard. Être freelance, c'est être disponible comme un salarié, payé comme un fournisseur et relancé comme un créancier. Je rigole, mais je viens de refuser deux clients pour la première fois, et je n'ai jamais aussi bien dormi.",
    themes: ['career', 'availability'],
    employerType: 'freelance',
    experience: 'y2_5',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "En mairie, la pression ne vient pas seulement des internautes. Elle vient aussi des élus. Un adjoint m'appelle régulièrement pour me demander de supprimer les commentaires de l'opposition sous nos publications, même quand ils sont polis. Je lui explique que ce n'est pas possible, que ce serait de la censure, que ça finirait en capture d'écran dans le journal local. Il raccroche, agacé. Le lendemain, c'est l'opposition qui m'accuse de « travailler pour le maire ». Je suis fonctionnaire, je travaille pour la commune. Mais sur les réseaux, personne ne fait la différence, et c'est moi qui prends des deux côtés.",
    themes: ['pressure', 'hostility'],
    employerType: 'public',
    experience: 'y2_5',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Notre pire bad buzz : un créateur de contenu a filmé un produit défectueux et la vidéo a dépassé le million de vues en une journée. J'étais prête à passer la nuit seule à répondre. Pour une fois, ça ne s'est pas passé comme ça. Le service client, le juridique et la direction se sont réunis en une heure, on a écrit une réponse honnête ensemble, et ma directrice a pris le relais le soir pour que je puisse dormir. Trois jours plus tard, on était passés à autre chose. Je raconte cette histoire parce qu'elle prouve qu'une crise peut se gérer sans sacrifier la personne derrière l'écran. Il faut juste que l'entreprise l'ait décidé avant.",
    themes: ['crisis', 'support'],
    employerType: 'brand',
    experience: 'y5_10',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Je suis la seule salariée communication d'une association environnementale, à 80 %. Je fais les réseaux, la newsletter, le site, les affiches, les relations presse, et parfois l'accueil quand la secrétaire est absente. Le conseil d'administration veut « être plus présent sur TikTok » mais refuse d'apparaître dans les vidéos. Les bénévoles m'envoient des photos floues prises de loin et s'étonnent que ça ne fasse pas de likes. Je n'ai personne avec qui réfléchir, personne pour me relire. Je crois en la cause, vraiment. Mais certains soirs, j'ai l'impression de porter toute la visibilité de l'asso sur mes épaules.",
    themes: ['workload', 'isolation'],
    employerType: 'association',
    experience: 'y0_2',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Depuis le confinement, je suis en télétravail complet. Au début, c'était un soulagement : plus de transports, plus de réunions inutiles. Trois ans plus tard, je me rends compte que je passe parfois une semaine entière sans parler à un collègue autrement que par messagerie. Je vois passer toutes les polémiques, toutes les insultes, toute la violence des commentaires, et je les encaisse seule dans mon salon. Avant, il y avait au moins quelqu'un à qui dire « t'as vu ce qu'on a reçu ? » par-dessus l'écran. J'ai demandé à revenir au bureau deux jours par semaine. Rien que de le demander, ça m'a fait du bien.",
    themes: ['remote', 'isolation'],
    employerType: 'media',
    experience: 'y5_10',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Je dirige aujourd'hui une équipe de quatre CM en agence. J'ai commencé à une époque où personne ne savait ce qu'était ce métier, où on modérait les forums la nuit sans que ça compte comme du temps de travail. Ma règle, maintenant : personne ne modère seul après 20 h, les astreintes sont payées, et on débriefe chaque crise ensemble, même les petites. Ça coûte un peu plus cher aux clients, et certains sont partis. Ceux qui restent ont des comptes mieux tenus. Je ne suis pas devenue cheffe pour reproduire ce que j'ai subi.",
    themes: ['career', 'support'],
    employerType: 'agency',
    experience: 'y10_plus',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Un jour, un internaute a écrit sous notre post : « Votre produit est tellement nul que même mon chien n'en veut pas. » J'ai répondu avec une photo de notre mascotte qui faisait une tête vexée. La réponse a fait 12 000 likes, plus que toutes nos campagnes payantes du trimestre. Mon responsable a d'abord paniqué, puis il a présenté la capture en comité de direction comme « une stratégie de ton décalé ». Je n'ai pas été citée. Mais depuis, j'ai un peu plus de liberté pour répondre avec humour, et honnêtement, c'est la meilleure partie de mon travail.",
    themes: ['hostility', 'recognition'],
    employerType: 'brand',
    experience: 'y2_5',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Lors des inondations de l'automne dernier, la page du département est devenue le principal canal d'information pour des milliers de personnes : routes coupées, écoles fermées, points d'hébergement d'urgence. J'ai fait 19 h d'affilée, puis 16 h le lendemain. Je recevais des messages de gens dont la cave était sous l'eau et qui ne savaient pas qui appeler. On n'a pas le droit de se tromper : une mauvaise info, et quelqu'un prend une route inondée. Quand la décrue est arrivée, j'ai eu deux jours de récupération. Je ne regrette rien, mais il faudrait que ce rôle soit reconnu comme un poste de gestion de crise, pas comme de la « comm ».",
    themes: ['availability', 'crisis', 'recognition'],
    employerType: 'public',
    experience: 'y5_10',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Après dix ans en agence, je suis passée freelance, et c'est la meilleure décision de ma carrière. Je choisis mes clients, je fixe mes horaires, je refuse les astreintes du week-end ou je les facture. J'ai appris à dire : « Ce n'est pas dans le devis. » Je gagne mieux qu'en CDI, même si les premiers mois ont été angoissants. Surtout, mes clients me traitent comme une experte, pas comme « la personne qui poste ». Je ne dis pas que c'est la solution pour tout le monde, mais si vous hésitez, sachez qu'on peut construire un métier stable et respecté dans ce domaine.",
    themes: ['career', 'recognition'],
    employerType: 'freelance',
    experience: 'y10_plus',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Mon téléphone vibre environ 300 fois par jour : alertes des agences de presse, commentaires, messages privés, mentions. Si un post n'a pas fait assez de clics à 10 h, on me demande de le republier avec un autre titre. J'ai 24 ans et il m'arrive de me réveiller la nuit en croyant entendre une notification.",
    themes: ['pressure', 'availability'],
    employerType: 'media',
    experience: 'y0_2',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Nous accompagnons des personnes exilées. Chaque fois qu'un fait divers fait la une, notre page reçoit des centaines de messages haineux, souvent coordonnés. Au début, je lisais tout, et je ramenais tout ça chez moi. Ce qui a changé, c'est le réseau de CM associatifs qu'on a monté avec d'autres structures : on partage les listes de mots-clés à filtrer, on se relaie pour modérer quand l'une d'entre nous est submergée, et on se rappelle qu'on n'est pas obligées de tout lire. Je ne lis plus les commentaires masqués. C'est une petite règle, mais elle m'a rendu mes soirées.",
    themes: ['hostility', 'support'],
    employerType: 'association',
    experience: 'y5_10',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "J'ai signé mon premier CDI en septembre 2020, entièrement à distance. Je n'ai rencontré mon équipe en vrai qu'au bout de sept mois. Pendant cette période, tout passait par les réseaux : les magasins étaient fermés, donc notre compte était devenu à la fois la vitrine, le service client et le canal de vente. Je traitais 150 messages privés par jour depuis ma chambre, sans vraiment savoir si je faisais bien. Personne n'avait le temps de me former. J'ai appris seule, vite, et je suis fière de ce que j'ai tenu. Mais je ne souhaite à personne de débuter comme ça.",
    themes: ['remote', 'workload', 'isolation'],
    employerType: 'brand',
    experience: 'y0_2',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "Un client m'a demandé, très sérieusement, pourquoi son concurrent avait 50 000 abonnés et lui seulement 3 000, et si on ne pouvait pas « en acheter quelques-uns pour démarrer ». J'ai passé une heure à expliquer pourquoi c'était une mauvaise idée. Il a hoché la tête, puis il a dit à mon directeur que je n'étais « pas très orientée solutions ». Ce métier demande de dire non très souvent, à des gens qui paient, sans jamais avoir l'air de dire non. Je suis devenue très forte en reformulation. Ça ne figure sur aucune fiche de poste !",
    themes: ['pressure', 'recognition'],
    employerType: 'agency',
    experience: 'y2_5',
    status: 'published',
  },
  {
    lang: 'fr',
    text: "L'an dernier, j'ai fait un burn-out. Trois mois d'arrêt. À mon retour, on a tout remis à plat avec ma manageuse : un planning d'astreinte partagé avec le service client, une réponse automatique en dehors des horaires, et le droit de ne pas ouvrir les applis pro le week-end quand je ne suis pas d'astreinte. Rien de révolutionnaire. Le plus étonnant, c'est que les chiffres n'ont pas bougé. Les abonnés ne nous ont pas quittés parce qu'on répondait le lundi au lieu du dimanche soir. J'aurais juste aimé qu'on essaie avant que je tombe.",
    themes: ['availability', 'support'],
    employerType: 'brand',
    status: 'published',
  },
  {
    lang: 'en',
    text: "I work at a small agency and handle six client accounts. The unwritten rule is that someone always answers, and since I'm the one with the fewest “real” responsibilities (their words), that someone is usually me. Last month I moderated a giveaway thread at 11:40 pm from a friend's wedding, hiding in the cloakroom with my phone. Nobody asked me to. Nobody had to. When you know the client checks the comments before bed, you check them first. I'm not sure when “being responsive” turned into “being reachable at all times”, but I'd like the old version back.",
    themes: ['availability', 'workload'],
    employerType: 'agency',
    experience: 'y2_5',
    status: 'published',
  },
  {
    lang: 'en',
    text: "My manager's favourite brief is four words long: “just make it viral”. No budget, no time to film anything, and a legal team that vetoes anything remotely funny. The one time we actually went viral was when a scheduled post went out during a national tragedy, cheerfully promoting a summer sale. I was on holiday. I still got the call, and I spent the next six hours drafting apologies from a campsite with one bar of signal. Now every scheduled post gets a second look when the news turns dark, and we have a “pause everything” procedure I'm very proud of.",
    themes: ['pressure', 'crisis'],
    employerType: 'brand',
    experience: 'y5_10',
    status: 'published',
  },
  {
    lang: 'en',
    text: "I run the social accounts for a small town council. When we announced a new cycle lane on the high street, the page turned into a battlefield overnight: 600 comments, half of them from people who don't even live here. Shop owners were angry, cyclists were angry at the shop owners, and everyone was angry at “whoever runs this page”. That's me. I didn't decide on the cycle lane, I just typed the announcement. I spent a weekend hiding insults and answering the same three questions over and over. On Monday, the only feedback from the councillors was that the photo we'd used was “a bit dull”.",
    themes: ['hostility', 'crisis'],
    employerType: 'public',
    experience: 'y2_5',
    status: 'published',
  },
  {
    lang: 'en',
    text: "Freelance for eleven years, currently juggling eight clients: a dentist, a brewery, two charities, a yoga studio, an estate agent, a wedding photographer and a regional football club. People assume freelancing means freedom. It mostly means invoicing. I spend roughly a day a week chasing payments, writing proposals and explaining why “just a couple of posts a week” isn't a £100 job. The best thing I ever did was publish my rates and stop negotiating on the phone. The second best was letting go of the client who sent voice notes at 6 am.",
    themes: ['career', 'workload'],
    employerType: 'freelance',
    experience: 'y10_plus',
    status: 'published',
  },
  {
    lang: 'en',
    text: "I moderate comments for a news outlet. Most days it's manageable: spam, the odd troll, people who clearly didn't read past the headline. Then there are the days when a story touches a nerve and the threats start, some of them aimed at our reporters by name. What keeps me going is my desk editor. She reads every escalation report I send, takes the worst ones to the legal team herself, and makes me log off at the end of my shift, even when the thread is still burning. I didn't know how rare that was until I talked to people at other outlets.",
    themes: ['hostility', 'support'],
    employerType: 'media',
    experience: 'y2_5',
    status: 'published',
  },
  {
    lang: 'en',
    text: "I'm the only comms person at a small animal rescue charity, and I've been doing it for just over a year. Nobody here really knows what I do, but they know that when I post a dog's photo on a Friday evening, someone calls on Saturday morning to adopt him. Last month, a senior dog who'd been with us for two years found a home because a post got shared 3,000 times. The volunteers printed it out and pinned it up in the kennel office. It's the first time anything I've made has been printed out. I do feel alone in this job, but that wall helps.",
    themes: ['recognition', 'isolation'],
    employerType: 'association',
    experience: 'y0_2',
    status: 'published',
  },
  {
    lang: 'en',
    text: "Ten years into this, and I've hit the ceiling. Social media is “important” to the company, it's in every strategy deck, but there's no senior social role above mine, so the only way up is to stop doing social. I've watched people I trained move into jobs paid 30% more because their titles had the word “brand” in them. I'm good at what I do and I'd like to keep doing it. I just wish that was a career path rather than a plateau.",
    themes: ['career', 'recognition'],
    employerType: 'brand',
    experience: 'y10_plus',
    status: 'published',
  },
  {
    lang: 'en',
    text: "During the first lockdown our whole agency went remote overnight, and the workload doubled because every client suddenly wanted to “be there for their community”. What got us through was silly: a 15-minute video call every day at 4 pm where we weren't allowed to talk about work. We shared the worst comments of the day, voted for the most absurd client request, and someone's cat always walked across a keyboard. Four years later, we still do it on Fridays. New starters say it's the first thing that made them feel part of the team.",
    themes: ['remote', 'support'],
    employerType: 'agency',
    experience: 'y5_10',
    status: 'published',
  },
  {
    lang: 'en',
    text: "I'm 24 and I'm the only person at my company who understands TikTok, which apparently makes me the TikTok department. My boss wants three videos a week, wants to approve each one, and wants them to “feel spontaneous”. Approval takes four days. By then the sound we used is already old. I've tried explaining how trends work, I've shown him the analytics, I've even made a little slide deck. He nodded and asked if we could get a famous influencer to do a dance with our product. I love making videos. I don't love making them alone, for someone who doesn't watch them.",
    themes: ['isolation', 'pressure'],
    employerType: 'brand',
    experience: 'y0_2',
    status: 'published',
  },
  {
    lang: 'en',
    text: "Election night, a few years ago. Our live account posted a typo in one candidate's result, and within minutes it was being quoted as proof that we were rigging things. I corrected it, pinned the correction and answered every reply I could for four hours. The next morning the editor-in-chief came to my desk, which he never does, and said the correction had been handled “better than most newsrooms would have managed”. It was one small sentence. I think about it every time a shift goes badly.",
    themes: ['crisis', 'recognition'],
    employerType: 'media',
    experience: 'y10_plus',
    status: 'published',
  },
  {
    lang: 'en',
    text: "Working from home as a freelancer sounded ideal. In practice my clients are spread over three time zones and my office is the corner of my bedroom, so work never really ends. I've answered customer complaints while cooking, while queuing at the pharmacy, while my partner was telling me about his day. Last spring I bought a cheap second phone just for clients and started leaving it in a drawer after 7 pm. The first week I checked it constantly. By the third week I'd forgotten which drawer. I'm not fixed, but I'm better.",
    themes: ['availability', 'remote'],
    employerType: 'freelance',
    experience: 'y2_5',
    status: 'published',
  },
  // The pending entries deliberately contain personal details (first names, an email, a phone
  // number, @handles) so the demo moderation queue and the redactor have something to catch.
  {
    lang: 'fr',
    text: "Ma responsable, Sandrine, valide chaque publication à la virgule près, mais elle est absente deux jours sur cinq et ne délègue rien. Résultat : des posts bloqués pendant une semaine, puis des reproches parce que « le compte est mort ». J'ai essayé d'en parler aux RH, qui m'ont conseillé de « mieux communiquer ». Je me sens complètement seule dans cette histoire. Si d'autres CM vivent la même chose et veulent échanger, écrivez-moi à prenom.nom@exemple.fr, je réponds à tout le monde.",
    themes: ['pressure', 'isolation'],
    employerType: 'brand',
    experience: 'y2_5',
    status: 'pending',
  },
  {
    lang: 'fr',
    text: "Freelance depuis sept ans, je voulais partager ce qui m'a aidée : ne plus rester seule. J'ai monté un petit collectif de CM indépendants dans ma ville. On se retrouve une fois par mois dans un café pour parler tarifs, clients difficiles et outils, et on s'échange des missions quand l'une d'entre nous est débordée. Si vous êtes dans le coin et que vous voulez nous rejoindre, suivez @collectif_cm_independants ou appelez-moi au 06 12 34 56 78, je vous ajouterai au groupe.",
    themes: ['support', 'career'],
    employerType: 'freelance',
    experience: 'y5_10',
    status: 'pending',
  },
  {
    lang: 'fr',
    text: "Depuis six mois, le compte @justicier_du_canton commente toutes les publications de la communauté de communes pour m'insulter nommément. Il a retrouvé mon nom de famille, le prénom de ma fille et la salle de sport où je vais. J'ai porté plainte, sans nouvelles depuis. Mon collègue Karim m'a aidée à tout documenter avec des captures horodatées, et c'est le seul à m'avoir vraiment soutenue. Si vous vivez la même chose, ne restez pas seul·e : gardez toutes les preuves et parlez-en autour de vous.",
    themes: ['hostility', 'support'],
    employerType: 'public',
    experience: 'y5_10',
    status: 'pending',
  },
  {
    lang: 'en',
    text: "The account @grumpy_reviewer_88 has been posting about me personally for months, naming me every time our client's page replies to a complaint. My colleague Marcus reported it to the platform weeks ago and nothing has been removed. If anyone has dealt with this kind of targeted harassment and knows what actually works, please reach me at jordan.cm@example.com or on my personal account @jordan_does_social. I'm tired of handling it by myself.",
    replace: ['Marcus'],
    themes: ['hostility', 'isolation'],
    employerType: 'agency',
    experience: 'y2_5',
    status: 'pending',
  },
  // Kept as the single rejected example so the moderation history shows a refusal reason.
  {
    lang: 'fr',
    text: "Vous aussi, vous êtes épuisé·e par les réseaux sociaux ? J'ai été CM pendant cinq ans et j'ai tout changé grâce à une méthode de coaching qui a transformé ma vie. Aujourd'hui, j'accompagne des community managers comme vous pour retrouver l'équilibre et doubler leurs tarifs en 30 jours. Premier appel découverte offert, places limitées ce mois-ci ! Tapez « CM Sérénité » dans votre moteur de recherche et mentionnez ce témoignage pour obtenir 20 % de réduction sur le programme complet. Ne laissez plus les réseaux décider à votre place.",
    themes: ['career', 'workload'],
    status: 'rejected',
    rejectReason: 'Hors sujet : publicité pour un service.',
  },
];

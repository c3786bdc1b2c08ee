import type { Questionnaire } from '../model';
import {
  AGREEMENT,
  CBI_DEGREE,
  CBI_FREQUENCY,
  HOURS_AROUND_35,
  HOURS_BANDS,
  IDF,
  MAINLAND_OUTSIDE_IDF,
  NEVER_TO_ALWAYS,
  SECTOR_OTHER,
  WHO5_OPTIONS,
  WHO5_STEM,
  YES_NO,
} from './scales';

/** The 2026 instrument: 2024.1 plus the holiday-disconnection, right-to-disconnect and post-attack support questions. Released: frozen. */
export const questionnaire2026_1: Questionnaire = {
  version: '2026.1',
  title: {
    fr: 'Observatoire des community managers — enquête 2026',
    en: 'CM Observatory — 2026 survey',
  },
  sections: [
    {
      code: 'profile',
      title: { fr: 'Votre profil', en: 'Your profile' },
      intro: {
        fr: 'Ces questions permettent de comparer des situations comparables. Les réponses les plus identifiantes sont regroupées ou masquées avant toute publication.',
        en: 'These questions let us compare like with like. The most identifying answers are grouped or hidden before anything is published.',
      },
      questions: [
        {
          code: 'profile.employer_type',
          type: 'single',
          label: {
            fr: 'Pour quel type de structure travaillez-vous ?',
            en: 'What type of organisation do you work for?',
          },
          help: {
            fr: 'Si vous avez plusieurs activités, répondez pour votre activité principale.',
            en: 'If you have several jobs, answer for your main one.',
          },
          required: true,
          requiredReason: {
            fr: 'Cette réponse permet de comparer des situations comparables et d’adapter la suite du questionnaire.',
            en: 'This answer lets us compare like with like and tailor the rest of the questionnaire.',
          },
          quasiIdentifier: true,
          generalisation: [
            [
              {
                code: 'private',
                label: {
                  fr: 'Entreprise privée (marque, agence, média)',
                  en: 'Private company (brand, agency, media)',
                },
                members: ['brand', 'agency', 'media'],
              },
              {
                code: 'public_nonprofit',
                label: { fr: 'Secteur public ou associatif', en: 'Public sector or non-profit' },
                members: ['public', 'association'],
              },
              {
                code: 'freelance',
                label: { fr: 'Indépendant·e (freelance)', en: 'Freelance' },
                members: ['freelance'],
              },
            ],
          ],
          options: [
            { code: 'brand', label: { fr: 'Annonceur / marque', en: 'Brand / advertiser' } },
            { code: 'agency', label: { fr: 'Agence', en: 'Agency' } },
            {
              code: 'public',
              label: {
                fr: 'Secteur public / collectivité',
                en: 'Public sector / local authority',
              },
            },
            { code: 'association', label: { fr: 'Association', en: 'Non-profit organisation' } },
            { code: 'media', label: { fr: 'Média', en: 'Media' } },
            { code: 'freelance', label: { fr: 'Indépendant·e (freelance)', en: 'Freelance' } },
          ],
        },
        {
          code: 'profile.sector',
          type: 'single',
          label: {
            fr: 'Dans quel secteur d’activité travaillez-vous principalement ?',
            en: 'Which sector do you mainly work in?',
          },
          help: {
            fr: 'En agence ou en freelance, indiquez le secteur de vos principaux clients.',
            en: 'If you work in an agency or freelance, give the sector of your main clients.',
          },
          quasiIdentifier: true,
          generalisation: [
            [
              {
                code: 'commerce_finance_industry',
                label: {
                  fr: 'Commerce, tourisme, finance et industrie',
                  en: 'Retail, tourism, finance and industry',
                },
                members: ['retail', 'tourism', 'finance', 'industry'],
              },
              {
                code: 'tech_media_culture',
                label: { fr: 'Tech, médias et culture', en: 'Tech, media and culture' },
                members: ['tech', 'media_entertainment', 'culture'],
              },
              {
                code: 'public_social',
                label: {
                  fr: 'Services publics, santé, éducation et associatif',
                  en: 'Public services, health, education and non-profit',
                },
                members: ['public_services', 'health', 'education', 'nonprofit'],
              },
              SECTOR_OTHER,
            ],
            [
              {
                code: 'market',
                label: { fr: 'Secteurs marchands', en: 'Market sectors' },
                members: [
                  'retail',
                  'tourism',
                  'finance',
                  'industry',
                  'tech',
                  'media_entertainment',
                  'culture',
                ],
              },
              {
                code: 'non_market',
                label: {
                  fr: 'Secteurs non marchands (public, santé, éducation, associatif)',
                  en: 'Non-market sectors (public, health, education, non-profit)',
                },
                members: ['public_services', 'health', 'education', 'nonprofit'],
              },
              SECTOR_OTHER,
            ],
          ],
          options: [
            {
              code: 'retail',
              label: { fr: 'Commerce et distribution', en: 'Retail and consumer goods' },
            },
            { code: 'tech', label: { fr: 'Tech et numérique', en: 'Tech and digital' } },
            { code: 'culture', label: { fr: 'Culture et patrimoine', en: 'Culture and heritage' } },
            {
              code: 'tourism',
              label: {
                fr: 'Tourisme, hôtellerie et restauration',
                en: 'Tourism, hospitality and food service',
              },
            },
            { code: 'health', label: { fr: 'Santé et social', en: 'Health and social care' } },
            {
              code: 'finance',
              label: {
                fr: 'Banque, assurance et finance',
                en: 'Banking, insurance and finance',
              },
            },
            { code: 'public_services', label: { fr: 'Services publics', en: 'Public services' } },
            {
              code: 'nonprofit',
              label: {
                fr: 'Associatif et économie sociale',
                en: 'Non-profit and social economy',
              },
            },
            {
              code: 'media_entertainment',
              label: { fr: 'Médias et divertissement', en: 'Media and entertainment' },
            },
            { code: 'industry', label: { fr: 'Industrie et énergie', en: 'Industry and energy' } },
            {
              code: 'education',
              label: { fr: 'Éducation et formation', en: 'Education and training' },
            },
            { code: 'other', label: { fr: 'Autre', en: 'Other' } },
          ],
        },
        {
          code: 'profile.company_size',
          type: 'single',
          ordered: true,
          label: {
            fr: 'Combien de personnes travaillent dans votre structure ?',
            en: 'How many people work in your organisation?',
          },
          help: {
            fr: 'L’effectif total de l’entreprise ou de l’organisme, pas seulement de votre service. En freelance, choisissez « Moins de 10 personnes ».',
            en: 'The headcount of the whole company or body, not just your department. If you are freelance, choose “Fewer than 10 people”.',
          },
          quasiIdentifier: true,
          generalisation: [
            [
              {
                code: 'under_250',
                label: { fr: 'Moins de 250 personnes', en: 'Fewer than 250 people' },
                members: ['micro', 'sme'],
              },
              {
                code: 'from_250',
                label: { fr: '250 personnes ou plus', en: '250 people or more' },
                members: ['mid', 'large'],
              },
            ],
          ],
          options: [
            { code: 'micro', label: { fr: 'Moins de 10 personnes', en: 'Fewer than 10 people' } },
            {
              code: 'sme',
              label: { fr: '10 à 249 personnes (PME)', en: '10 to 249 people (SME)' },
            },
            {
              code: 'mid',
              label: {
                fr: '250 à 4 999 personnes (ETI)',
                en: '250 to 4,999 people (mid-sized company)',
              },
            },
            {
              code: 'large',
              label: {
                fr: '5 000 personnes ou plus (grande entreprise)',
                en: '5,000 people or more (large company)',
              },
            },
          ],
        },
        {
          code: 'profile.region',
          type: 'single',
          label: {
            fr: 'Dans quelle région travaillez-vous ?',
            en: 'Which region do you work in?',
          },
          help: {
            fr: 'En télétravail, indiquez la région où vous vivez.',
            en: 'If you work remotely, give the region where you live.',
          },
          quasiIdentifier: true,
          generalisation: [
            [
              IDF,
              {
                code: 'metro_other',
                label: { fr: 'Autre région de métropole', en: 'Other mainland region' },
                members: MAINLAND_OUTSIDE_IDF,
              },
              {
                code: 'outside_metro',
                label: { fr: 'Outre-mer ou étranger', en: 'Overseas regions or abroad' },
                members: ['drom', 'abroad'],
              },
            ],
            [
              IDF,
              {
                code: 'not_idf',
                label: { fr: 'Hors Île-de-France', en: 'Outside Île-de-France' },
                members: [...MAINLAND_OUTSIDE_IDF, 'drom', 'abroad'],
              },
            ],
          ],
          options: [
            { code: 'idf', label: { fr: 'Île-de-France', en: 'Île-de-France (Paris region)' } },
            { code: 'ara', label: { fr: 'Auvergne-Rhône-Alpes', en: 'Auvergne-Rhône-Alpes' } },
            {
              code: 'bfc',
              label: { fr: 'Bourgogne-Franche-Comté', en: 'Bourgogne-Franche-Comté' },
            },
            { code: 'bre', label: { fr: 'Bretagne', en: 'Brittany' } },
            { code: 'cvl', label: { fr: 'Centre-Val de Loire', en: 'Centre-Val de Loire' } },
            { code: 'cor', label: { fr: 'Corse', en: 'Corsica' } },
            { code: 'ges', label: { fr: 'Grand Est', en: 'Grand Est' } },
            { code: 'hdf', label: { fr: 'Hauts-de-France', en: 'Hauts-de-France' } },
            { code: 'nor', label: { fr: 'Normandie', en: 'Normandy' } },
            { code: 'naq', label: { fr: 'Nouvelle-Aquitaine', en: 'Nouvelle-Aquitaine' } },
            { code: 'occ', label: { fr: 'Occitanie', en: 'Occitanie' } },
            { code: 'pdl', label: { fr: 'Pays de la Loire', en: 'Pays de la Loire' } },
            {
              code: 'pac',
              label: { fr: 'Provence-Alpes-Côte d’Azur', en: 'Provence-Alpes-Côte d’Azur' },
            },
            { code: 'drom', label: { fr: 'Outre-mer', en: 'French overseas regions' } },
            { code: 'abroad', label: { fr: 'À l’étranger', en: 'Outside France' } },
          ],
        },
        {
          code: 'profile.contract',
          type: 'single',
          label: {
            fr: 'Quel est votre type de contrat ?',
            en: 'What type of contract do you have?',
          },
          help: {
            fr: 'Fonctionnaire titulaire : choisissez « CDI ».',
            en: 'Tenured civil servant: choose “Permanent contract”.',
          },
          quasiIdentifier: true,
          generalisation: [
            [
              {
                code: 'permanent',
                label: { fr: 'CDI', en: 'Permanent contract' },
                members: ['permanent'],
              },
              {
                code: 'other',
                label: { fr: 'Autre contrat ou statut', en: 'Other contract or status' },
                members: ['fixed_term', 'freelance', 'apprentice'],
              },
            ],
          ],
          options: [
            { code: 'permanent', label: { fr: 'CDI', en: 'Permanent contract' } },
            { code: 'fixed_term', label: { fr: 'CDD', en: 'Fixed-term contract' } },
            {
              code: 'freelance',
              label: { fr: 'Indépendant·e / freelance', en: 'Freelance / self-employed' },
            },
            {
              code: 'apprentice',
              label: { fr: 'Alternance / stage', en: 'Apprenticeship / internship' },
            },
          ],
        },
        {
          code: 'profile.experience',
          type: 'single',
          ordered: true,
          label: {
            fr: 'Depuis combien de temps exercez-vous le métier de community manager ?',
            en: 'How long have you worked as a community manager?',
          },
          help: {
            fr: 'Tous postes confondus, alternance comprise.',
            en: 'Across all your jobs, including apprenticeships.',
          },
          quasiIdentifier: true,
          generalisation: [
            [
              {
                code: 'y0_5',
                label: { fr: 'Moins de 5 ans', en: 'Less than 5 years' },
                members: ['y0_2', 'y2_5'],
              },
              {
                code: 'y5_plus',
                label: { fr: '5 ans ou plus', en: '5 years or more' },
                members: ['y5_10', 'y10_plus'],
              },
            ],
          ],
          options: [
            { code: 'y0_2', label: { fr: 'Moins de 2 ans', en: 'Less than 2 years' } },
            { code: 'y2_5', label: { fr: 'De 2 à moins de 5 ans', en: '2 to under 5 years' } },
            { code: 'y5_10', label: { fr: 'De 5 à moins de 10 ans', en: '5 to under 10 years' } },
            { code: 'y10_plus', label: { fr: '10 ans ou plus', en: '10 years or more' } },
          ],
        },
        {
          code: 'profile.age_band',
          type: 'single',
          ordered: true,
          label: { fr: 'Quel âge avez-vous ?', en: 'How old are you?' },
          quasiIdentifier: true,
          generalisation: [
            [
              {
                code: 'a18_29',
                label: { fr: '18 à 29 ans', en: '18 to 29' },
                members: ['a18_24', 'a25_29'],
              },
              {
                code: 'a30_44',
                label: { fr: '30 à 44 ans', en: '30 to 44' },
                members: ['a30_34', 'a35_44'],
              },
              {
                code: 'a45_plus',
                label: { fr: '45 ans ou plus', en: '45 or over' },
                members: ['a45_plus'],
              },
            ],
            // Each level merges groups of the one before: 18–34 / 35+ would split 30–44, and a
            // release at that level could then make a class smaller than at the level before.
            [
              {
                code: 'a18_29',
                label: { fr: '18 à 29 ans', en: '18 to 29' },
                members: ['a18_24', 'a25_29'],
              },
              {
                code: 'a30_plus',
                label: { fr: '30 ans ou plus', en: '30 or over' },
                members: ['a30_34', 'a35_44', 'a45_plus'],
              },
            ],
          ],
          options: [
            { code: 'a18_24', label: { fr: '18 à 24 ans', en: '18 to 24' } },
            { code: 'a25_29', label: { fr: '25 à 29 ans', en: '25 to 29' } },
            { code: 'a30_34', label: { fr: '30 à 34 ans', en: '30 to 34' } },
            { code: 'a35_44', label: { fr: '35 à 44 ans', en: '35 to 44' } },
            { code: 'a45_plus', label: { fr: '45 ans ou plus', en: '45 or over' } },
          ],
        },
        {
          code: 'profile.gender',
          type: 'single',
          label: { fr: 'Quel est votre genre ?', en: 'What is your gender?' },
          quasiIdentifier: true,
          generalisation: [
            [
              { code: 'woman', label: { fr: 'Femme', en: 'Woman' }, members: ['woman'] },
              { code: 'man', label: { fr: 'Homme', en: 'Man' }, members: ['man'] },
              {
                code: 'other_or_undisclosed',
                label: { fr: 'Autre ou non précisé', en: 'Other or not stated' },
                members: ['non_binary', 'undisclosed'],
              },
            ],
          ],
          options: [
            { code: 'woman', label: { fr: 'Femme', en: 'Woman' } },
            { code: 'man', label: { fr: 'Homme', en: 'Man' } },
            { code: 'non_binary', label: { fr: 'Non-binaire', en: 'Non-binary' } },
            {
              code: 'undisclosed',
              label: { fr: 'Je préfère ne pas répondre', en: 'I prefer not to say' },
            },
          ],
        },
        {
          code: 'profile.job_title',
          type: 'single',
          label: {
            fr: 'Quel est l’intitulé de votre poste ?',
            en: 'What is your job title?',
          },
          help: {
            fr: 'Choisissez l’intitulé le plus proche du vôtre.',
            en: 'Choose the closest title.',
          },
          quasiIdentifier: true,
          generalisation: [
            [
              {
                code: 'community_social_media',
                label: {
                  fr: 'Community manager ou social media manager',
                  en: 'Community manager or social media manager',
                },
                members: ['community_manager', 'social_media_manager'],
              },
              {
                code: 'other_title',
                label: {
                  fr: 'Contenus, communication digitale ou autre intitulé',
                  en: 'Content, digital communications or other title',
                },
                members: ['content_manager', 'digital_comms_officer', 'other'],
              },
            ],
          ],
          options: [
            {
              code: 'community_manager',
              label: { fr: 'Community manager', en: 'Community manager' },
            },
            {
              code: 'social_media_manager',
              label: { fr: 'Social media manager', en: 'Social media manager' },
            },
            {
              code: 'content_manager',
              label: { fr: 'Responsable de contenus', en: 'Content manager' },
            },
            {
              code: 'digital_comms_officer',
              label: {
                fr: 'Chargé·e de communication digitale',
                en: 'Digital communications officer',
              },
            },
            { code: 'other', label: { fr: 'Autre intitulé', en: 'Other title' } },
          ],
        },
        {
          code: 'profile.team',
          type: 'single',
          label: {
            fr: 'Combien de personnes gèrent les réseaux sociaux dans votre équipe, vous compris ?',
            en: 'How many people in your team, including you, manage social media?',
          },
          quasiIdentifier: true,
          generalisation: [
            [
              {
                code: 'sole',
                label: { fr: 'Personne d’autre que moi', en: 'Only me' },
                members: ['sole'],
              },
              {
                code: 'team',
                label: { fr: '2 personnes ou plus', en: '2 or more people' },
                members: ['team_2_3', 'team_4_plus'],
              },
            ],
          ],
          options: [
            { code: 'sole', label: { fr: 'Personne d’autre que moi', en: 'Only me' } },
            { code: 'team_2_3', label: { fr: '2 ou 3 personnes', en: '2 or 3 people' } },
            { code: 'team_4_plus', label: { fr: '4 personnes ou plus', en: '4 or more people' } },
          ],
        },
      ],
    },
    {
      code: 'work',
      title: { fr: 'Votre charge de travail', en: 'Your workload' },
      questions: [
        {
          code: 'work.hours_contract',
          type: 'number',
          label: {
            fr: 'Combien d’heures par semaine prévoit votre contrat ?',
            en: 'How many hours per week does your contract provide for?',
          },
          help: {
            fr: 'Au forfait jours ou en freelance, laissez vide si vous n’avez pas de durée de référence.',
            en: 'On an annual days-based contract or freelance, leave blank if you have no set working time.',
          },
          min: 0,
          max: 80,
          unit: { fr: 'heures par semaine', en: 'hours per week' },
          quasiIdentifier: true,
          bands: [HOURS_BANDS, HOURS_AROUND_35],
        },
        {
          code: 'work.hours_actual',
          type: 'number',
          label: {
            fr: 'Combien d’heures travaillez-vous réellement par semaine ?',
            en: 'How many hours do you actually work per week?',
          },
          help: {
            fr: 'Une semaine type, soirées et week-ends compris.',
            en: 'A typical week, including evenings and weekends.',
          },
          min: 0,
          max: 100,
          unit: { fr: 'heures par semaine', en: 'hours per week' },
        },
        {
          code: 'work.evenings_per_week',
          type: 'number',
          label: {
            fr: 'Combien de soirs par semaine travaillez-vous après 20 h ?',
            en: 'On how many evenings a week do you work after 8 pm?',
          },
          help: {
            fr: 'Un soir compte dès que vous travaillez après 20 h, même brièvement : publier, modérer ou répondre à un message.',
            en: 'An evening counts as soon as you work after 8 pm, even briefly: posting, moderating or answering a message.',
          },
          min: 0,
          max: 7,
          unit: { fr: 'soirs par semaine', en: 'evenings per week' },
        },
        {
          code: 'work.weekends_per_month',
          type: 'number',
          label: {
            fr: 'Combien de week-ends par mois travaillez-vous ?',
            en: 'How many weekends a month do you work?',
          },
          help: {
            fr: 'Un week-end compte dès que vous travaillez le samedi ou le dimanche, même brièvement, veille et modération comprises.',
            en: 'A weekend counts as soon as you work on Saturday or Sunday, even briefly, including monitoring and moderation.',
          },
          min: 0,
          max: 5,
          unit: { fr: 'week-ends par mois', en: 'weekends per month' },
        },
        {
          code: 'work.messages_days_off',
          type: 'single',
          ordered: true,
          label: {
            fr: 'Consultez-vous vos messages professionnels pendant vos jours de repos ?',
            en: 'Do you check work messages on your days off?',
          },
          options: NEVER_TO_ALWAYS,
        },
        {
          code: 'work.disconnect_holidays',
          type: 'single',
          label: {
            fr: 'Pendant vos congés, parvenez-vous à vous déconnecter du travail ?',
            en: 'During your holidays, are you able to switch off from work?',
          },
          options: [
            { code: 'fully', label: { fr: 'Complètement', en: 'Completely' } },
            { code: 'partly', label: { fr: 'En partie', en: 'Partly' } },
            { code: 'not_at_all', label: { fr: 'Pas du tout', en: 'Not at all' } },
            {
              code: 'no_holidays',
              label: {
                fr: 'Je n’ai pas pris de congés au cours des 12 derniers mois',
                en: 'I have not taken any holidays in the last 12 months',
              },
            },
          ],
        },
        {
          code: 'work.accounts_count',
          type: 'number',
          label: {
            fr: 'Combien de comptes de réseaux sociaux gérez-vous ?',
            en: 'How many social media accounts do you manage?',
          },
          help: {
            fr: 'Tous clients et toutes plateformes confondus : une même marque présente sur deux plateformes compte pour deux comptes.',
            en: 'Across all clients and platforms: one brand on two platforms counts as two accounts.',
          },
          min: 0,
          max: 500,
          unit: { fr: 'comptes', en: 'accounts' },
        },
        {
          code: 'work.platforms',
          type: 'multi',
          label: {
            fr: 'Sur quelles plateformes intervenez-vous ?',
            en: 'Which platforms do you work on?',
          },
          help: { fr: 'Plusieurs réponses possibles.', en: 'Select all that apply.' },
          options: [
            { code: 'instagram', label: { fr: 'Instagram', en: 'Instagram' } },
            { code: 'facebook', label: { fr: 'Facebook', en: 'Facebook' } },
            { code: 'linkedin', label: { fr: 'LinkedIn', en: 'LinkedIn' } },
            { code: 'tiktok', label: { fr: 'TikTok', en: 'TikTok' } },
            { code: 'x', label: { fr: 'X (ex-Twitter)', en: 'X (formerly Twitter)' } },
            { code: 'youtube', label: { fr: 'YouTube', en: 'YouTube' } },
            { code: 'threads', label: { fr: 'Threads', en: 'Threads' } },
            { code: 'bluesky', label: { fr: 'Bluesky', en: 'Bluesky' } },
            { code: 'snapchat', label: { fr: 'Snapchat', en: 'Snapchat' } },
            { code: 'pinterest', label: { fr: 'Pinterest', en: 'Pinterest' } },
            { code: 'twitch', label: { fr: 'Twitch', en: 'Twitch' } },
            { code: 'discord', label: { fr: 'Discord', en: 'Discord' } },
            { code: 'other', label: { fr: 'Autre', en: 'Other' } },
          ],
        },
        {
          code: 'work.clients_count',
          type: 'number',
          label: {
            fr: 'Pour combien de clients travaillez-vous actuellement ?',
            en: 'How many clients do you currently work for?',
          },
          help: {
            fr: 'Les clients pour lesquels vous avez travaillé au cours du dernier mois.',
            en: 'The clients you have worked for over the past month.',
          },
          min: 0,
          max: 200,
          unit: { fr: 'clients', en: 'clients' },
          showIf: { question: 'profile.employer_type', anyOf: ['agency', 'freelance'] },
        },
      ],
    },
    {
      code: 'exposure',
      title: { fr: 'Exposition et pressions', en: 'Exposure and pressure' },
      intro: {
        fr: 'Ces questions portent sur ce que vous vivez dans votre travail de community manager.',
        en: 'These questions are about what you experience in your work as a community manager.',
      },
      questions: [
        {
          code: 'exposure.hostile_frequency',
          type: 'single',
          ordered: true,
          label: {
            fr: 'À quelle fréquence lisez-vous ou modérez-vous des commentaires hostiles ou violents ?',
            en: 'How often do you read or moderate hostile or violent comments?',
          },
          help: {
            fr: 'Commentaires, messages privés ou mentions visant votre structure, vos clients ou vous-même.',
            en: 'Comments, direct messages or mentions aimed at your organisation, your clients or yourself.',
          },
          options: [
            { code: 'never', label: { fr: 'Jamais', en: 'Never' } },
            {
              code: 'rarely',
              label: {
                fr: 'Rarement (quelques fois par an)',
                en: 'Rarely (a few times a year)',
              },
            },
            {
              code: 'monthly',
              label: { fr: 'Au moins une fois par mois', en: 'At least once a month' },
            },
            {
              code: 'weekly',
              label: { fr: 'Au moins une fois par semaine', en: 'At least once a week' },
            },
            { code: 'daily', label: { fr: 'Tous les jours', en: 'Every day' } },
          ],
        },
        {
          code: 'exposure.harassment_12m',
          type: 'single',
          label: {
            fr: 'Au cours des 12 derniers mois, avez-vous subi du harcèlement ou des menaces dans le cadre de votre travail de community manager ?',
            en: 'In the last 12 months, have you been harassed or threatened in your work as a community manager?',
          },
          help: {
            fr: 'En ligne ou hors ligne, quelle qu’en soit l’origine.',
            en: 'Online or offline, whoever it came from.',
          },
          options: [
            ...YES_NO,
            {
              code: 'undisclosed',
              label: { fr: 'Je préfère ne pas répondre', en: 'I prefer not to say' },
            },
          ],
        },
        {
          code: 'exposure.crisis_12m',
          type: 'single',
          label: {
            fr: 'Au cours des 12 derniers mois, avez-vous géré une crise ou un « bad buzz » ?',
            en: 'In the last 12 months, have you handled a crisis or a social media backlash?',
          },
          options: YES_NO,
        },
        {
          code: 'exposure.validation_pressure',
          type: 'single',
          ordered: true,
          label: {
            fr: 'Vous arrive-t-il d’enchaîner des allers-retours de validation sans fin avec votre hiérarchie ou vos clients ?',
            en: 'Do you go through endless rounds of approval with your managers or clients?',
          },
          options: NEVER_TO_ALWAYS,
        },
        {
          code: 'exposure.urgent_requests',
          type: 'single',
          ordered: true,
          label: {
            fr: 'Recevez-vous des demandes urgentes en dehors de vos horaires de travail ?',
            en: 'Do you receive urgent requests outside your working hours?',
          },
          options: NEVER_TO_ALWAYS,
        },
        {
          code: 'exposure.support_after_attack',
          type: 'single',
          label: {
            fr: 'Après ce harcèlement ou ces menaces, quel soutien avez-vous reçu de votre employeur ou de vos clients ?',
            en: 'After this harassment or these threats, what support did you receive from your employer or clients?',
          },
          options: [
            { code: 'sufficient', label: { fr: 'Un soutien suffisant', en: 'Sufficient support' } },
            {
              code: 'insufficient',
              label: { fr: 'Un soutien insuffisant', en: 'Insufficient support' },
            },
            { code: 'none', label: { fr: 'Aucun soutien', en: 'No support' } },
          ],
          showIf: { question: 'exposure.harassment_12m', anyOf: ['yes'] },
        },
      ],
    },
    {
      code: 'support',
      title: { fr: 'Soutien et reconnaissance', en: 'Support and recognition' },
      questions: [
        {
          code: 'support.peers',
          type: 'single',
          label: {
            fr: 'Avez-vous des pairs vers qui vous tourner en cas de difficulté ?',
            en: 'Do you have peers you can turn to when things get difficult?',
          },
          help: {
            fr: 'Collègues, autres community managers, communautés professionnelles…',
            en: 'Colleagues, other community managers, professional communities…',
          },
          options: YES_NO,
        },
        {
          code: 'support.training_12m',
          type: 'single',
          label: {
            fr: 'Avez-vous suivi une formation professionnelle au cours des 12 derniers mois ?',
            en: 'Have you had any professional training in the last 12 months?',
          },
          options: YES_NO,
        },
        {
          code: 'support.disconnect_policy',
          type: 'single',
          label: {
            fr: 'Votre structure a-t-elle mis en place une politique de droit à la déconnexion ?',
            en: 'Does your organisation have a right-to-disconnect policy?',
          },
          help: {
            fr: 'Une charte, un accord ou des règles écrites qui encadrent l’usage des outils numériques en dehors du temps de travail.',
            en: 'A charter, agreement or written rules on the use of digital tools outside working time.',
          },
          options: [
            ...YES_NO,
            { code: 'dont_know', label: { fr: 'Je ne sais pas', en: 'I don’t know' } },
          ],
        },
        {
          code: 'support.recognition',
          type: 'scale',
          label: {
            fr: 'J’ai le sentiment que mon travail est reconnu par mes collègues.',
            en: 'I feel my work is recognised by my colleagues.',
          },
          help: {
            fr: 'Dans quelle mesure êtes-vous d’accord ?',
            en: 'To what extent do you agree?',
          },
          options: AGREEMENT,
        },
        {
          code: 'support.usefulness',
          type: 'scale',
          label: {
            fr: 'J’ai le sentiment que mon travail est utile.',
            en: 'I feel my work is useful.',
          },
          help: {
            fr: 'Dans quelle mesure êtes-vous d’accord ?',
            en: 'To what extent do you agree?',
          },
          options: AGREEMENT,
        },
      ],
    },
    {
      code: 'wellbeing',
      title: { fr: 'Votre bien-être', en: 'Your well-being' },
      intro: {
        fr: 'Cette partie reprend deux questionnaires scientifiques validés : l’indice de bien-être WHO-5 de l’Organisation mondiale de la santé et le volet « travail » de l’échelle d’épuisement professionnel de Copenhague (Copenhagen Burnout Inventory). Leur formulation officielle est conservée pour que les résultats restent comparables à d’autres études. Il n’y a pas de bonne ou de mauvaise réponse.',
        en: 'This part uses two validated scientific questionnaires: the World Health Organization’s WHO-5 Well-Being Index and the work-related part of the Copenhagen Burnout Inventory. Their official wording is kept so that results stay comparable with other studies. There are no right or wrong answers.',
      },
      questions: [
        {
          code: 'wellbeing.who5_1',
          type: 'scale',
          instrument: 'who5',
          label: {
            fr: 'Je me suis senti(e) bien et de bonne humeur',
            en: 'I have felt cheerful and in good spirits',
          },
          help: WHO5_STEM,
          options: WHO5_OPTIONS,
        },
        {
          code: 'wellbeing.who5_2',
          type: 'scale',
          instrument: 'who5',
          label: {
            fr: 'Je me suis senti(e) calme et tranquille',
            en: 'I have felt calm and relaxed',
          },
          help: WHO5_STEM,
          options: WHO5_OPTIONS,
        },
        {
          code: 'wellbeing.who5_3',
          type: 'scale',
          instrument: 'who5',
          label: {
            fr: 'Je me suis senti(e) plein(e) d’énergie et vigoureux(se)',
            en: 'I have felt active and vigorous',
          },
          help: WHO5_STEM,
          options: WHO5_OPTIONS,
        },
        {
          code: 'wellbeing.who5_4',
          type: 'scale',
          instrument: 'who5',
          label: {
            fr: 'Je me suis réveillé(e) frais(che) et dispos(e)',
            en: 'I woke up feeling fresh and rested',
          },
          help: WHO5_STEM,
          options: WHO5_OPTIONS,
        },
        {
          code: 'wellbeing.who5_5',
          type: 'scale',
          instrument: 'who5',
          label: {
            fr: 'Ma vie quotidienne a été remplie de choses intéressantes',
            en: 'My daily life has been filled with things that interest me',
          },
          help: WHO5_STEM,
          options: WHO5_OPTIONS,
        },
        {
          code: 'wellbeing.cbi_1',
          type: 'scale',
          instrument: 'cbi_work',
          label: {
            fr: 'Votre travail est-il émotionnellement épuisant ?',
            en: 'Is your work emotionally exhausting?',
          },
          options: CBI_DEGREE,
        },
        {
          code: 'wellbeing.cbi_2',
          type: 'scale',
          instrument: 'cbi_work',
          label: {
            fr: 'Vous sentez-vous épuisé·e à cause de votre travail ?',
            en: 'Do you feel burnt out because of your work?',
          },
          options: CBI_DEGREE,
        },
        {
          code: 'wellbeing.cbi_3',
          type: 'scale',
          instrument: 'cbi_work',
          label: {
            fr: 'Votre travail vous frustre-t-il ?',
            en: 'Does your work frustrate you?',
          },
          options: CBI_DEGREE,
        },
        {
          code: 'wellbeing.cbi_4',
          type: 'scale',
          instrument: 'cbi_work',
          label: {
            fr: 'Vous sentez-vous vidé·e à la fin de la journée de travail ?',
            en: 'Do you feel worn out at the end of the working day?',
          },
          options: CBI_FREQUENCY,
        },
        {
          code: 'wellbeing.cbi_5',
          type: 'scale',
          instrument: 'cbi_work',
          label: {
            fr: 'Êtes-vous épuisé·e le matin à l’idée d’une nouvelle journée de travail ?',
            en: 'Are you exhausted in the morning at the thought of another day at work?',
          },
          options: CBI_FREQUENCY,
        },
        {
          code: 'wellbeing.cbi_6',
          type: 'scale',
          instrument: 'cbi_work',
          label: {
            fr: 'Avez-vous le sentiment que chaque heure de travail est fatigante pour vous ?',
            en: 'Do you feel that every working hour is tiring for you?',
          },
          options: CBI_FREQUENCY,
        },
        // Reverse-scored item: the options keep their face values (always = 100) so the data
        // records what was answered; scoring reverses this item in code.
        {
          code: 'wellbeing.cbi_7',
          type: 'scale',
          instrument: 'cbi_work',
          label: {
            fr: 'Avez-vous assez d’énergie pour votre famille et vos amis pendant vos loisirs ?',
            en: 'Do you have enough energy for family and friends during leisure time?',
          },
          options: CBI_FREQUENCY,
        },
      ],
    },
    {
      code: 'career',
      title: { fr: 'Votre parcours', en: 'Your career' },
      questions: [
        {
          code: 'career.intent_leave',
          type: 'single',
          label: {
            fr: 'Envisagez-vous de quitter votre poste de community manager dans les 12 prochains mois ?',
            en: 'Do you intend to leave your community manager job in the next 12 months?',
          },
          help: {
            fr: 'Pour changer d’employeur comme pour changer de métier.',
            en: 'Whether to change employer or to change career.',
          },
          options: [
            { code: 'yes', label: { fr: 'Oui', en: 'Yes' } },
            { code: 'maybe', label: { fr: 'Peut-être', en: 'Maybe' } },
            { code: 'no', label: { fr: 'Non', en: 'No' } },
          ],
        },
        {
          code: 'career.salary_band',
          type: 'single',
          ordered: true,
          label: {
            fr: 'Quel est votre salaire brut annuel, en équivalent temps plein ?',
            en: 'What is your gross annual salary, full-time equivalent?',
          },
          help: {
            fr: 'Primes comprises. À temps partiel, ramenez le montant à un temps plein. En freelance, estimez votre revenu annuel avant impôt.',
            en: 'Including bonuses. If you work part-time, convert the amount to full-time. If you are freelance, estimate your annual income before tax.',
          },
          options: [
            { code: 'lt25k', label: { fr: 'Moins de 25 000 €', en: 'Less than €25,000' } },
            { code: 'k25_30', label: { fr: '25 000 à 29 999 €', en: '€25,000 to €29,999' } },
            { code: 'k30_35', label: { fr: '30 000 à 34 999 €', en: '€30,000 to €34,999' } },
            { code: 'k35_40', label: { fr: '35 000 à 39 999 €', en: '€35,000 to €39,999' } },
            { code: 'k40_50', label: { fr: '40 000 à 49 999 €', en: '€40,000 to €49,999' } },
            { code: 'k50_plus', label: { fr: '50 000 € ou plus', en: '€50,000 or more' } },
            {
              code: 'undisclosed',
              label: { fr: 'Je préfère ne pas répondre', en: 'I prefer not to say' },
            },
          ],
        },
      ],
    },
    {
      code: 'comment',
      title: { fr: 'Commentaire libre', en: 'Your comments' },
      questions: [
        {
          code: 'comment.free_text',
          type: 'text',
          label: {
            fr: 'Souhaitez-vous ajouter quelque chose ?',
            en: 'Is there anything you would like to add?',
          },
          help: {
            fr: 'Ce commentaire est lu uniquement par l’équipe de l’Observatoire. Il n’est jamais publié tel quel et il est exclu des résultats publics comme des données ouvertes. Merci de n’y indiquer aucun nom ni détail qui permettrait de vous identifier.',
            en: 'This comment is read by the Observatory team only. It is never published as written and is left out of both the public results and the open data. Please do not include names or any detail that could identify you.',
          },
          maxLength: 2000,
        },
      ],
    },
  ],
};

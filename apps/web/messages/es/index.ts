// One file per namespace, so areas of the app can be translated (and edited) apart. Keys are the
// top-level namespaces of useTranslations().

import activity from './activity.json';
import auth from './auth.json';
import common from './common.json';
import contacts from './contacts.json';
import dashboard from './dashboard.json';
import home from './home.json';
import leads from './leads.json';
import metadata from './metadata.json';
import notFound from './notFound.json';
import offline from './offline.json';
import portal from './portal.json';
import problem from './problem.json';
import publicRequest from './publicRequest.json';
import security from './security.json';
import settings from './settings.json';
import shell from './shell.json';
import site from './site.json';
import team from './team.json';

export default {
  metadata,
  common,
  dashboard,
  site,
  home,
  notFound,
  offline,
  problem,
  auth,
  shell,
  settings,
  team,
  activity,
  portal,
  security,
  contacts,
  leads,
  publicRequest,
};

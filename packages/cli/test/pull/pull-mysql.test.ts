import { pullScenarios } from "./pull-scenarios";

pullScenarios("mysql");

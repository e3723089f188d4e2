import { pullBlogScenario, pullScenarios } from "./pull-scenarios";

pullScenarios("mysql");
pullBlogScenario("mysql");
